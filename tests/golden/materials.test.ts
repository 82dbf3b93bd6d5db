/**
 * Golden document traces: the card, leaflet and poster for a Latin, an Arabic-script (Urdu Nastaliq and Arabic),
 * a Brahmic, a Myanmar and a CJK language, built from the fixed test documents of tests/unit/materials/helpers.ts
 * (not the shipped content, so translation edits do not churn them). A difference fails with the changed lines;
 * if the change is intended, re-bless with `UPDATE_GOLDEN=1 npx vitest run tests/golden` and review the JSON diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCard } from '../../src/materials/card.ts';
import { buildLeaflet } from '../../src/materials/leaflet.ts';
import { buildPoster } from '../../src/materials/poster.ts';
import type { BuildMaterial } from '../../src/materials/types.ts';
import { documentTraceJson } from '../../src/render/trace-document.ts';
import { layoutParagraph } from '../../src/text/layout-paragraph.ts';
import { KEYS, makeDoc, type FixtureLang } from '../unit/materials/helpers.ts';

const DIR = join(import.meta.dirname, 'traces');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const CASES: readonly { material: string; file: string; build: (doc: Parameters<BuildMaterial>[0]) => ReturnType<BuildMaterial> }[] = [
  { material: 'card', file: 'card-press.pdf', build: (doc) => buildCard(doc, { keys: KEYS }, layoutParagraph) },
  { material: 'leaflet', file: 'leaflet.pdf', build: (doc) => buildLeaflet(doc, { keys: KEYS }, layoutParagraph) },
  { material: 'poster', file: 'poster.pdf', build: (doc) => buildPoster(doc, { keys: KEYS }, layoutParagraph) },
];
const LANGS: readonly FixtureLang[] = ['en', 'ar', 'ur', 'bn', 'my', 'zh-Hans'];

describe('golden document traces', () => {
  for (const { material, file, build } of CASES) {
    for (const lang of LANGS) {
      it(`${material} ${lang}`, () => {
        const output = build(makeDoc(lang, { review: 'draft' })).outputs.find((o) => o.file === file);
        expect(output, `${material} builds ${file}`).toBeDefined();
        const actual = documentTraceJson(output!.doc);
        const path = join(DIR, `${material}-${lang}.json`);
        if (UPDATE) {
          mkdirSync(DIR, { recursive: true });
          writeFileSync(path, actual);
          return;
        }
        expect(existsSync(path), `${path} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/golden, then review it`).toBe(true);
        expect(actual).toBe(readFileSync(path, 'utf8'));
      });
    }
  }
});
