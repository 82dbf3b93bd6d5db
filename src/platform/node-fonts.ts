import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { CODES } from '../diagnostics/codes.ts';
import { placed, UserError } from '../diagnostics/diagnostic.ts';
import type { ManifestFace, PartialFontBytes } from '../fonts/registry.ts';
import { sfntTables } from '../fonts/sfnt.ts';
import { REPO_ROOT } from './repo-root.ts';

/** Repository-relative fonts folder. */
const FONTS_DIR = 'fonts';

/**
 * A face whose `glyf` table is at least this long keeps its glyph records on disk until a glyph is used: the
 * Chinese faces (7–10 MB of outlines each, of which a document sets a few hundred glyphs). Smaller faces are read
 * whole: most of their glyphs get used, and one read costs less than many small ones.
 */
export const LAZY_GLYF_BYTES = 1 << 20;

/**
 * Size of the blocks in which glyph records are verified and read on demand: one memory page, so a glyph read
 * costs the process about one page of memory (a glyph of a Chinese face is ~160 bytes; a block holds ~25).
 */
const BLOCK = 4096;

/** Bytes read from the file per `readSync` while hashing the `glyf` table into block digests. */
const CHUNK = 256 * BLOCK;

/**
 * A block's digest: its CRC-32 (4 bytes). It only has to tell whether a block read again later is the block
 * that was read in the pass the whole-file sha256 verified, against an accidental edit of the file in place while
 * rightsprint runs (a miss chance of 2^-32 per changed block); the manifest check itself stays sha256. CRC-32 costs
 * a fifth of a sha256 per 4 KB block (~20 ms of the two Chinese faces' opening per process).
 */
const DIGEST = 4;

/** fonts/<file> of the repository, verified (the CLI's FontSource). */
export function readFontFile(m: ManifestFace): Uint8Array | PartialFontBytes {
  return openVerifiedFont(REPO_ROOT, m);
}

/** A face's whole file, verified as `openVerifiedFont` does (tests and tools that want every byte at once). */
export function readVerifiedFont(root: string, m: ManifestFace): Buffer {
  return openVerifiedFont(root, m, Number.POSITIVE_INFINITY) as Buffer;
}

/** Closes the file of a partly read face once nothing can ask it for glyphs any more. */
const closeWhenGone = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to release.
  }
});

/**
 * A face's bytes, checked against its sha256 in the manifest before any parser sees them. A truncated, damaged or
 * swapped font would otherwise crash HarfBuzz or fontkit (a stack, exit 3), or worse, parse and set wrong glyphs;
 * the build's input hash also relies on the manifest standing for the fonts' bytes. Missing or different files are
 * user-fixable problems (RP4003, RP4002) naming the file. The whole file is hashed once per face per process, in
 * one pass as it is read (docs/fonts.md).
 *
 * A face with a `glyf` table of `lazyFrom` bytes or more is returned as PartialFontBytes: every byte outside `glyf`
 * is read and kept, `glyf` is only hashed on the way (the whole-file sha256, and a CRC-32 per 4 KB block of it,
 * kept: 1 byte of digest per 1 KB), and a glyph's blocks are read again from the same open file when a document
 * first uses the glyph, each checked against its block digest. A block that no longer matches (the file was
 * edited in place while rightsprint ran) is RP4002 for the job that needed it; a file replaced by a new one (git
 * checkout, a copy) does not matter, as the open file is still the verified one.
 */
export function openVerifiedFont(root: string, m: ManifestFace, lazyFrom = LAZY_GLYF_BYTES): Buffer | PartialFontBytes {
  const shown = `${FONTS_DIR}/${m.file}`;
  const restore = `Restore it from the repository (git checkout -- ${shown}) or from its source: ${m.source}`;
  const replaced = 'If you replaced the font on purpose, put its sha256 (and licence and source) in fonts/manifest.json.';
  /** A file-system error (a missing file, a folder, EIO) as RP4003; anything else is not the file's fault. */
  const unreadable = (e: unknown): unknown => {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code !== 'string') return e;
    return new UserError([
      placed('error', CODES.fonts.fontMissing, `font file of face ${m.id} cannot be read (${code}): nothing can be set in ${m.family}`, shown, [restore]),
    ]);
  };
  let fd: number;
  try {
    fd = openSync(join(root, FONTS_DIR, m.file), 'r');
  } catch (e) {
    throw unreadable(e);
  }
  let lazy = false;
  try {
    const size = fstatSync(fd).size;
    // Zero-filled and not yet touched: pages of `glyf` left unread cost no memory.
    const data = Buffer.alloc(size);
    const whole = createHash('sha256');
    let got = 0;
    /** Reads [at, end) into `data` at the same offsets and hashes it; false at a short read (the file shrank). */
    const readInto = (at: number, end: number): boolean => {
      while (at < end) {
        const n = readSync(fd, data, at, end - at, at);
        if (n === 0) return false;
        whole.update(data.subarray(at, at + n));
        at += n;
        got += n;
      }
      return true;
    };
    // The table directory first (12 bytes, then 16 per table), to know where `glyf` lies.
    let complete = readInto(0, Math.min(size, 12));
    complete &&= readInto(got, Math.min(size, 12 + 16 * (size >= 12 ? data.readUInt16BE(4) : 0)));
    const glyf = complete ? sfntTables(data)?.get('glyf') : undefined;
    let digests: Buffer | undefined;
    if (glyf && glyf.length >= lazyFrom && glyf.offset >= got) {
      complete &&= readInto(got, glyf.offset);
      if (complete) {
        digests = Buffer.alloc(DIGEST * Math.ceil(glyf.length / BLOCK));
        complete = hashBlocks(fd, glyf.offset, glyf.offset + glyf.length, digests, (piece) => {
          whole.update(piece);
          got += piece.byteLength;
        });
      }
    }
    complete &&= readInto(got, size);
    const actual = whole.digest('hex');
    if (!complete || actual !== m.sha256) {
      throw new UserError([
        placed(
          'error',
          CODES.fonts.fontMismatch,
          `font file of face ${m.id} does not match fonts/manifest.json: its sha256 is ${actual.slice(0, 12)}…, the manifest says ${m.sha256.slice(0, 12)}… (${got} bytes read) — truncated, damaged or replaced`,
          shown,
          [restore, replaced],
        ),
      ]);
    }
    if (!glyf || !digests) return data;

    // Which blocks of `glyf` are in `data` (1) and which are still only on disk (0).
    const loaded = new Uint8Array(digests.byteLength / DIGEST);
    const start = glyf.offset;
    const end = glyf.offset + glyf.length;
    const partial: PartialFontBytes = {
      data,
      need(from, to) {
        const first = Math.max(0, Math.floor((from - start) / BLOCK));
        const last = Math.min(loaded.length, Math.ceil((Math.min(to, end) - start) / BLOCK));
        for (let b = first; b < last; b++) {
          if (loaded[b] === 1) continue;
          // The run of blocks still on disk from here, read in one call.
          let stop = b + 1;
          while (stop < last && loaded[stop] === 0) stop++;
          const at = start + b * BLOCK;
          const upto = Math.min(end, start + stop * BLOCK);
          let read = 0;
          try {
            while (at + read < upto) {
              const n = readSync(fd, data, at + read, upto - at - read, at + read);
              if (n === 0) break;
              read += n;
            }
          } catch (e) {
            throw unreadable(e);
          }
          for (let k = b; k < stop; k++) {
            const blockEnd = Math.min(end, start + (k + 1) * BLOCK);
            const block = data.subarray(start + k * BLOCK, blockEnd);
            const same = start + k * BLOCK + block.byteLength <= at + read && crc32(block) === digests.readUInt32LE(DIGEST * k);
            if (!same) {
              // What was read from here on is not known to be what was verified: leave none of it for a parser
              // (the blocks before this one in the run matched and stay).
              data.fill(0, start + k * BLOCK, upto);
              throw new UserError([
                placed(
                  'error',
                  CODES.fonts.fontMismatch,
                  `font file of face ${m.id} changed after it was checked against fonts/manifest.json: bytes ${start + k * BLOCK}–${blockEnd} of its glyph outlines now differ (edited in place while rightsprint ran)`,
                  shown,
                  [restore, replaced, 'Then build again.'],
                ),
              ]);
            }
            loaded[k] = 1;
          }
          b = stop - 1;
        }
      },
    };
    lazy = true;
    closeWhenGone.register(partial, fd);
    return partial;
  } catch (e) {
    throw unreadable(e);
  } finally {
    if (!lazy) closeSync(fd);
  }
}

/**
 * Hashes the file's bytes [from, to) in `BLOCK`-sized blocks into `digests` (DIGEST bytes each), reading `CHUNK` bytes
 * at a time into one reused buffer, and hands every piece read to `piece` in order. False at a short read.
 */
function hashBlocks(fd: number, from: number, to: number, digests: Buffer, piece: (bytes: Uint8Array) => void): boolean {
  const scratch = Buffer.allocUnsafe(Math.min(CHUNK, to - from));
  for (let at = from; at < to; ) {
    const want = Math.min(scratch.byteLength, to - at);
    let n = 0;
    while (n < want) {
      const r = readSync(fd, scratch, n, want - n, at + n);
      if (r === 0) return false;
      n += r;
    }
    piece(scratch.subarray(0, n));
    for (let off = 0; off < n; off += BLOCK) {
      const k = (at - from + off) / BLOCK;
      digests.writeUInt32LE(crc32(scratch.subarray(off, Math.min(n, off + BLOCK))), DIGEST * k);
    }
    at += n;
  }
  return true;
}
