import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/platform/write-file-atomic.ts';

describe('writeFileAtomic', () => {
  const fresh = () => mkdtempSync(join(tmpdir(), 'rp-write-'));

  it('writes a new file and leaves no temporary file behind', () => {
    const dir = fresh();
    const path = join(dir, 'card.pdf');
    writeFileAtomic(path, Buffer.from('%PDF-1.7 new'));
    expect(readFileSync(path, 'utf8')).toBe('%PDF-1.7 new');
    expect(readdirSync(dir)).toEqual(['card.pdf']);
  });

  it('replaces an existing file completely (shorter content leaves no tail)', () => {
    const dir = fresh();
    const path = join(dir, 'card.pdf');
    writeFileSync(path, 'a much longer previous version of the file');
    writeFileAtomic(path, 'short');
    expect(readFileSync(path, 'utf8')).toBe('short');
  });

  it('keeps the previous good file when writing fails, and cleans up', () => {
    if (process.getuid?.() === 0) {
      // root ignores directory permissions; simulate failure with a missing directory instead.
      const dir = fresh();
      expect(() => writeFileAtomic(join(dir, 'missing', 'card.pdf'), 'x')).toThrow();
      return;
    }
    const dir = fresh();
    const path = join(dir, 'card.pdf');
    writeFileSync(path, 'previous good PDF');
    chmodSync(dir, 0o555); // no new files can be created here
    try {
      expect(() => writeFileAtomic(path, 'new')).toThrow();
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(readFileSync(path, 'utf8')).toBe('previous good PDF');
    expect(readdirSync(dir)).toEqual(['card.pdf']);
  });

  it('fails when the target is a directory, leaving it and no temporary file', () => {
    const dir = fresh();
    const target = join(dir, 'out');
    writeFileSync(join(dir, 'keep.txt'), 'k');
    // Renaming a file over a non-empty directory fails on POSIX.
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    writeFileSync(join(sub, 'x'), 'x');
    expect(() => writeFileAtomic(sub, 'data')).toThrow();
    expect(existsSync(join(sub, 'x'))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['keep.txt', 'sub']);
    expect(existsSync(target)).toBe(false);
  });
});
