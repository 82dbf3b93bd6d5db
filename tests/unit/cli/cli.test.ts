import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandFileExists } from '../../../src/cli/main.ts';
import { copyFixture, edit, FIXTURES, run } from './helpers.ts';

const REPO = new URL('../../../', import.meta.url).pathname;

describe('rightsprint CLI', () => {
  it('lists every command in --help, and each has its own --help with an example', async () => {
    const top = await run(['--help'], REPO);
    expect(top.code).toBe(0);
    for (const c of COMMANDS) {
      expect(top.out).toContain(`  ${c.name}`);
      const own = await run([c.name, '--help'], REPO);
      expect(own.code, c.name).toBe(0);
      expect(own.out, c.name).toMatch(/Usage: rightsprint/u);
      expect(own.out, c.name).toMatch(/Example/u);
    }
  });

  it('each command loads on demand, and its summary in the --help table is its own', async () => {
    for (const c of COMMANDS) {
      const command = await c.load();
      expect(command.name).toBe(c.name);
      expect(command.summary, c.name).toBe(c.summary);
    }
  });

  it('registers a command exactly when its file exists', () => {
    for (const name of ['build', 'check', 'status', 'proof', 'export', 'import', 'accept', 'diff', 'snapshot']) {
      expect(
        COMMANDS.some((c) => c.name === name),
        name,
      ).toBe(commandFileExists(name));
    }
  });

  it('usage errors exit 2 with "did you mean" and no stack', async () => {
    const a = await run(['buidl'], REPO);
    expect(a.code).toBe(2);
    expect(a.err).toContain('rightsprint build');
    const b = await run(['build', '--lnag', 'ar'], REPO);
    expect(b.code).toBe(2);
    expect(b.err).toContain('Did you mean --lang?');
    expect(b.err).not.toMatch(/\n\s+at /u);
    const c = await run(['build', '--material', 'cards', '--content', join(FIXTURES, 'content-basic')], REPO);
    expect(c.code).toBe(2);
    expect(c.err).toContain('`card`');
    const d = await run(['check', '--content', join(FIXTURES, 'content-basic'), '--lang', 'pll'], REPO);
    expect(d.code).toBe(2);
    expect(d.err).toContain('`pl`');
    expect((await run(['build', '--jobs', '0'], REPO)).code).toBe(2);
    expect((await run(['build', '--pdf-standard', 'pdfa'], REPO)).code).toBe(2);
  });

  it('check: exit 0 on good content, 1 with every problem printed as file:line:col  CODE', async () => {
    const good = await run(['check', '--content', 'tests/fixtures/content-basic'], REPO);
    expect(good.code).toBe(0);
    expect(good.err).toContain('tests/fixtures/content-basic/project.yaml:11:12  RP5003 warning');
    const bad = await run(['check', '--content', 'tests/fixtures/content-errors'], REPO);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('tests/fixtures/content-errors/project.yaml:5:1  RP1003  Unknown field `officerLanguag`');
    expect(bad.err).toContain('    hint: ');
    expect(bad.err).toMatch(/18 errors, 2 warnings/u);
    expect(bad.err).not.toMatch(/\n\s+at /u);
  });

  it('works on a content folder outside the repository, shown as given', async () => {
    const { dir } = copyFixture('content-basic');
    const r = await run(['check', '--content', 'content'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain('content/project.yaml:11:12');
    const missing = await run(['check', '--content', 'nope'], dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('RP1007');
  });

  it('status: counts per language, stale keys with their text, --json, exit 1 only when policy blocks', async () => {
    const text = await run(['status', '--content', join(FIXTURES, 'content-basic')], REPO);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/ar\s+Arabic\s+13\/15\s+1\s+1\s+draft/u);
    expect(text.out).toContain('poster.right2');
    expect(text.out).toContain('source now: Do not sign anything.');
    const json = await run(['status', '--json', '--lang', 'ar', '--content', join(FIXTURES, 'content-basic')], REPO);
    const parsed = JSON.parse(json.out) as { languages: { code: string; missing: number; stale: number; missingKeys: string[] }[] };
    expect(parsed.languages).toHaveLength(1);
    expect(parsed.languages[0]).toMatchObject({ code: 'ar', missing: 1, stale: 1, missingKeys: ['poster.right3'] });

    const { content } = copyFixture('content-basic');
    edit(join(content, 'project.yaml'), 'officerLanguage: en\n', 'officerLanguage: en\npolicy: { stale: fail, missing: fallback }\n');
    const blocked = await run(['status', '--content', content], REPO);
    expect(blocked.code).toBe(1);
    expect(blocked.out).toContain('Cannot print under policy fail: ar.');
  });
});
