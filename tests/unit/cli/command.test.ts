import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../../src/cli/args.ts';
import { defineCommand, type CliIO } from '../../../src/cli/command.ts';
import { error, UserError } from '../../../src/diagnostics/diagnostic.ts';

const OPTIONS = { lang: { type: 'string' }, force: { type: 'boolean' } } as const;

function usage(argv: string[], positionals = false): UsageError {
  try {
    parseCommandLine(argv, OPTIONS, 'demo', positionals);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error(`${argv.join(' ')} parsed`);
}

function capture(): CliIO & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { cwd: '/', outLines, errLines, out: (l) => outLines.push(l), err: (l) => errLines.push(l) };
}

describe("parseCommandLine: usage errors from Node's ERR_PARSE_ARGS_* codes", () => {
  it('names an unknown option with "did you mean", long or short', () => {
    const e = usage(['--force', '--langs', 'ar']);
    expect(e.message).toBe('Unknown option --langs for `rightsprint demo`.');
    expect(e.hints).toEqual(['Did you mean --lang?', 'See `rightsprint demo --help`.']);
    expect(usage(['-q']).message).toBe('Unknown option -q for `rightsprint demo`.');
    expect(usage(['-q']).hints[0]).toBe('Options: --lang, --force.');
  });

  it('names a stray word when the command takes none', () => {
    expect(usage(['--lang', 'ar', 'extra']).message).toBe("Unexpected argument 'extra' — `rightsprint demo` takes options only.");
    expect(parseCommandLine(['extra'], OPTIONS, 'demo', true).positionals).toEqual(['extra']);
  });

  it('names the option whose value is missing, at the end or before another option', () => {
    expect(usage(['--lang']).message).toBe('--lang needs a value: --lang <value>.');
    const before = usage(['--lang', '--force']);
    expect(before.message).toBe('--lang needs a value: --lang <value>.');
    expect(before.hints[0]).toBe('To give a value that starts with "-", write it as --lang=<value>.');
    expect(parseCommandLine(['--lang=-x'], OPTIONS, 'demo').values.lang).toBe('-x');
  });

  it('names a switch given a value', () => {
    expect(usage(['--force=yes']).message).toBe('--force takes no value (it is a switch), but was given `yes`.');
  });
});

describe('defineCommand: one parser, --help, one error printer', () => {
  const demo = (body: () => Promise<number>) => defineCommand({ name: 'demo', summary: 'demo', help: 'Usage: rightsprint demo', options: OPTIONS, run: body });

  it('prints the help for --help and -h without running the command', async () => {
    for (const flag of ['--help', '-h']) {
      const io = capture();
      expect(
        await demo(async () => {
          throw new Error('ran');
        }).run(['--lang', 'ar', flag], io),
      ).toBe(0);
      expect(io.outLines).toEqual(['Usage: rightsprint demo']);
    }
  });

  it('prints usage errors (exit 2) and content errors (exit 1) without a stack, anything else with one (exit 3)', async () => {
    const typo = capture();
    expect(await demo(async () => 0).run(['--lnag', 'ar'], typo)).toBe(2);
    expect(typo.errLines).toEqual([
      'error: Unknown option --lnag for `rightsprint demo`.',
      '    hint: Did you mean --lang?',
      '    hint: See `rightsprint demo --help`.',
    ]);
    const content = capture();
    expect(
      await demo(async () => {
        throw new UserError([error('RP1001', 'YAML syntax error: x', { file: 'a.yaml', line: 2, col: 3 })]);
      }).run([], content),
    ).toBe(1);
    expect(content.errLines).toEqual(['a.yaml:2:3  RP1001  YAML syntax error: x', '1 error, 0 warnings']);
    const bug = capture();
    expect(
      await demo(async () => {
        throw new TypeError('boom');
      }).run([], bug),
    ).toBe(3);
    expect(bug.errLines.join('\n')).toMatch(/^internal error \(a bug in rightsprint, not in your content\): TypeError: boom\n\s+at /u);
  });

  it('hands the parsed values and defaults to the command', async () => {
    const seen: unknown[] = [];
    const cmd = defineCommand({
      name: 'demo',
      summary: '',
      help: '',
      options: { lang: { type: 'string' }, size: { type: 'string', default: '11' } },
      run: async ({ values }) => {
        seen.push(values.lang, values.size);
        return 0;
      },
    });
    expect(await cmd.run(['--lang', 'ar'], capture())).toBe(0);
    expect(seen).toEqual(['ar', '11']);
  });
});
