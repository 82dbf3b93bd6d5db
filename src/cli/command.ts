import type { ParseArgsConfig } from 'node:util';
import { parseCommandLine } from './args.ts';
import { reportFailure } from './report.ts';
import { EXIT } from './exit-codes.ts';

/** Where a command writes; tests pass a capturing implementation. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Working directory relative paths are resolved against. */
  readonly cwd: string;
}

/**
 * One sub-command (`build`, `check`, `status`, `proof`, `export`, …). Each lives in its own file in src/cli/
 * and is listed once in src/cli/main.ts.
 * Exit codes: 0 success, 1 content errors (user-fixable, diagnostics printed), 2 usage errors,
 * 3 and above internal failures.
 */
export interface Command {
  readonly name: string;
  /** One line for `rightsprint --help`. */
  readonly summary: string;
  /** Full text for `rightsprint <name> --help`: usage line, options, one example. */
  readonly help: string;
  run(argv: readonly string[], io: CliIO): Promise<number>;
}

export { EXIT };

type Options = NonNullable<ParseArgsConfig['options']>;

/** `-h`/`--help`: every command takes it, so no command declares or checks it itself. */
const HELP = { help: { type: 'boolean', short: 'h' } } as const satisfies Options;

/** The option values of a parsed command line: strings and switches, present when given or defaulted. */
export type OptionValues<O extends Options> = {
  readonly [K in keyof O]: (O[K]['type'] extends 'boolean' ? boolean : string) | (O[K] extends { default: unknown } ? never : undefined);
};

/** A parsed command line as a command's `run` receives it. */
export interface ParsedCommandLine<O extends Options> {
  readonly values: OptionValues<O>;
  readonly positionals: readonly string[];
}

/** What a command declares: its texts, its option table, and what it does with a parsed command line. */
export interface CommandSpec<O extends Options> {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  /** The command's options (without `help`, which every command has). */
  readonly options: O;
  /** Whether the command takes words besides options (`import <file>…`, `accept <lang> [<key>…]`). */
  readonly positionals?: boolean;
  run(args: ParsedCommandLine<O>, io: CliIO): Promise<number>;
}

/**
 * A command in the one style all commands share: its argv is parsed by parseCommandLine (unknown options with
 * "did you mean", missing values, stray words), `--help` prints its help, and whatever it throws is printed by
 * reportFailure — a UsageError as `error:` with hints (exit 2), a UserError as diagnostics (exit 1), anything else
 * as an internal error with its stack (exit 3) — whether it runs from main() or directly in a test.
 */
export function defineCommand<const O extends Options>(spec: CommandSpec<O>): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.help,
    async run(argv, io) {
      try {
        const parsed = parseCommandLine(argv, { ...spec.options, ...HELP }, spec.name, spec.positionals ?? false);
        const values = parsed.values as Record<string, unknown>;
        if (values.help === true) {
          io.out(spec.help);
          return EXIT.ok;
        }
        return await spec.run({ values: values as OptionValues<O>, positionals: parsed.positionals }, io);
      } catch (e) {
        return reportFailure(io, e);
      }
    },
  };
}
