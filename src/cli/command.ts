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

export const EXIT = { ok: 0, content: 1, usage: 2, internal: 3 } as const;
