import type { JobKind } from './job.ts';

/**
 * Every output a build can write, by the name `--only` takes (the file name without `.pdf`, as in the README's
 * "What gets built" table), and the job kind that makes it. A job renders only the outputs it is asked for,
 * so `--only card-sheet-a4` lays the card out but renders and writes no Letter sheet or press file.
 * tests/unit/cli/build-only.test.ts checks this table against the files a full build really writes.
 */
export const OUTPUT_KINDS: Readonly<Record<string, JobKind>> = {
  'card-sheet-a4': 'card',
  'card-sheet-letter': 'card',
  'card-press': 'card',
  leaflet: 'leaflet',
  'leaflet-press': 'leaflet',
  poster: 'poster',
  'poster-press': 'poster',
  'card-sheet-mixed-a4': 'mixed-card',
  'card-sheet-mixed-letter': 'mixed-card',
};

/** The names `--only` accepts, in table order. */
export const OUTPUT_NAMES: readonly string[] = Object.keys(OUTPUT_KINDS);

/** `leaflet.pdf` or `leaflet` → `leaflet`: the name an output file answers to. */
export function outputName(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return base.endsWith('.pdf') ? base.slice(0, -'.pdf'.length) : base;
}

/** The named outputs a job of this kind makes; undefined (every output) when no names were given. */
export function outputsOfKind(kind: JobKind, only: readonly string[] | undefined): string[] | undefined {
  return only ? only.filter((name) => OUTPUT_KINDS[name] === kind) : undefined;
}
