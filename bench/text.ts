/**
 * Text engine bench: lays out a 1,000-character mixed-script paragraph (Latin, Arabic with a phone number,
 * Devanagari, Thai, Chinese, Myanmar, Cyrillic) on an 80 mm measure, N times, and reports milliseconds per layout.
 *
 * - warm: fonts open, HarfBuzz loaded, shaping cache filled — the steady state of a build that sets the same
 *   strings in several materials (itemize + bidi + line breaking + cached shaping + line assembly);
 * - uncached shaping: fonts open but the shaping cache emptied before every layout (every item shaped afresh).
 *
 * Run alone: `npx tsx bench/text.ts [iterations]`. The bench runner (bench/run.ts) imports `benchText`.
 */
import { fileURLToPath } from 'node:url';
import { layoutParagraph } from '../src/text/layout-paragraph.ts';
import { clearShapeCache } from '../src/text/shape.ts';
import type { Paragraph } from '../src/text/types.ts';

/** Sentences cycled to build the paragraph (from tests/fixtures/text/kyr-sentences.json). */
const PIECES = [
  'Call the free advice line on 0800 123 4567. You can ask for an interpreter.',
  'اتصل مجانًا على الرقم 0800 123 4567 قبل مقابلة Home Office.',
  'मुफ़्त सलाह के लिए 0800 123 4567 पर कॉल करें। आप दुभाषिए की माँग कर सकते हैं।',
  'คุณมีสิทธิขอความช่วยเหลือทางกฎหมายและขอล่ามแปลภาษาได้โดยไม่เสียค่าใช้จ่าย',
  '在内政部（Home Office）面谈之前，请先咨询律师。',
  'အခမဲ့ အကြံဉာဏ်ရယူရန် 0800 123 4567 ကို ဖုန်းဆက်ပါ။',
  'Звоните бесплатно: 0800 123 4567. Вы можете попросить переводчика.',
];

/** Target length of the bench paragraph, UTF-16 code units. */
const LENGTH = 1000;
/** 80 mm (the leaflet column) in points, 11 pt text: the proof command's defaults. */
const OPTIONS = { width: (80 * 72) / 25.4, size: 11 } as const;

export function benchParagraph(): Paragraph {
  let text = '';
  for (let i = 0; text.length < LENGTH; i++) text += `${PIECES[i % PIECES.length]!} `;
  text = text.slice(0, LENGTH).trimEnd();
  return { text, lang: 'en', spans: [] };
}

export interface TextBenchResult {
  readonly characters: number;
  readonly lines: number;
  readonly iterations: number;
  /** Milliseconds per layout with the shaping cache warm. */
  readonly warmMs: number;
  /** Milliseconds per layout with the shaping cache emptied before each layout. */
  readonly uncachedMs: number;
  /** First layout in the process, fonts and HarfBuzz objects opened on demand. */
  readonly firstMs: number;
}

/** Lay out the bench paragraph `iterations` times warm (and a tenth as many uncached); times in ms per layout. */
export function benchText(iterations = 200): TextBenchResult {
  const p = benchParagraph();
  const t0 = performance.now();
  const first = layoutParagraph(p, OPTIONS);
  const firstMs = performance.now() - t0;
  for (let i = 0; i < 5; i++) layoutParagraph(p, OPTIONS);
  const t1 = performance.now();
  for (let i = 0; i < iterations; i++) layoutParagraph(p, OPTIONS);
  const warmMs = (performance.now() - t1) / iterations;
  const cold = Math.max(1, Math.floor(iterations / 10));
  let uncached = 0;
  for (let i = 0; i < cold; i++) {
    clearShapeCache();
    const t = performance.now();
    layoutParagraph(p, OPTIONS);
    uncached += performance.now() - t;
  }
  return { characters: p.text.length, lines: first.lines.length, iterations, warmMs, uncachedMs: uncached / cold, firstMs };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[2] ?? 200);
  const r = benchText(n);
  console.log(
    `text layout: ${r.characters} chars, ${r.lines} lines — warm ${r.warmMs.toFixed(2)} ms/layout (${r.iterations}×), ` +
      `uncached shaping ${r.uncachedMs.toFixed(2)} ms/layout, first ${r.firstMs.toFixed(1)} ms`,
  );
}
