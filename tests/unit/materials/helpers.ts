/**
 * Test helpers for layout/materials/print: small LocalizedDoc objects built from
 * tests/fixtures/materials/strings.json (the pipeline's `localize` is tested elsewhere), a deterministic
 * monospace text setter for arithmetic tests, and tool detection for render tests.
 */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { Block, Inline } from '../../../src/content/markup-types.ts';
import type { MaterialsSpec } from '../../../src/content/types.ts';
import { languageInfo } from '../../../src/content/languages.ts';
import type { LanguageInfo } from '../../../src/content/languages.ts';
import type { LocalizedDoc, LocalizedString, StringState } from '../../../src/i18n/types.ts';
import type { SetText } from '../../../src/layout/types.ts';
import type { Line, MissingGlyph, ParagraphLayout } from '../../../src/text/types.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/materials/strings.json', import.meta.url), 'utf8')) as {
  en: Record<string, string>;
  ar: Record<string, string>;
  bn: Record<string, string>;
  ur: Record<string, string>;
  my: Record<string, string>;
  'zh-Hans': Record<string, string>;
  ui: Record<string, Record<string, string>>;
};
const enUi = JSON.parse(readFileSync(new URL('../../../locales/en/ui.json', import.meta.url), 'utf8')) as Record<string, string>;

export const hasTool = (t: string) => spawnSync('which', [t]).status === 0;

export const KEYS: MaterialsSpec = {
  card: { front: ['card.title', 'card.silent', 'card.sign', 'card.call'], back: ['officer.title', 'officer.statement'] },
  leaflet: {
    title: 'leaflet.title',
    intro: 'leaflet.intro',
    sections: [
      { heading: 'leaflet.street.heading', body: ['leaflet.street.body'] },
      { heading: 'leaflet.home.heading', body: ['leaflet.home.body'] },
      { heading: 'leaflet.work.heading', body: ['leaflet.work.body'] },
    ],
    hotline: 'leaflet.hotline',
    disclaimer: 'leaflet.disclaimer',
  },
  poster: {
    title: 'poster.title',
    rights: ['poster.right1', 'poster.right2', 'poster.right3', 'poster.right4'],
    hotline: 'poster.hotline',
    strip: 'strip',
    disclaimer: 'leaflet.disclaimer',
  },
};

/** Tiny markup parser for the test strings (the real one is src/content/markup.ts). */
export function parseMarkup(text: string): Block[] {
  const inlines = (s: string): Inline[] =>
    s
      .split(/(\*\*[^*]+\*\*)/u)
      .filter((p) => p.length > 0)
      .map((p) => (p.startsWith('**') ? { text: p.slice(2, -2), bold: true } : { text: p, bold: false }));
  return text.split(/\n\s*\n/u).map((chunk): Block => {
    const lines = chunk.split('\n');
    if (lines.every((l) => l.startsWith('- '))) return { kind: 'list', items: lines.map((l) => inlines(l.slice(2))) };
    return { kind: 'para', inlines: inlines(chunk) };
  });
}

const STRIP: Record<string, string> = {
  en: 'Know your rights',
  ar: 'اعرف حقوقك',
  bn: 'আপনার অধিকার জানুন',
  'zh-Hans': '了解你的权利',
  ur: 'اپنے حقوق جانیں',
  ta: 'உங்கள் உரிமைகளை அறிந்து கொள்ளுங்கள்',
  uk: 'Знай свої права',
  am: 'መብቶችዎን ይወቁ',
  th: 'รู้สิทธิของคุณ',
  my: 'သင့်အခွင့်အရေးများကို သိပါ',
};

export interface DocOptions {
  readonly review?: 'draft' | 'reviewed';
  /** Keys forced to fall back to English (state 'fallback'). */
  readonly fallback?: readonly string[];
  /** Replace some strings (e.g. an over-long one). */
  readonly overrides?: Readonly<Record<string, string>>;
  readonly hotline?: string;
  readonly website?: string;
  /** settings.logo, relative to the content folder passed as MaterialOptions.contentRoot. */
  readonly logo?: string;
}

/** Languages with strings in the fixture. */
export type FixtureLang = 'en' | 'ar' | 'bn' | 'ur' | 'my' | 'zh-Hans';

export function makeDoc(code: FixtureLang, options: DocOptions = {}): LocalizedDoc {
  const lang = languageInfo(code) as LanguageInfo;
  const officer = languageInfo('en') as LanguageInfo;
  const settings = {
    organisation: 'Example Anti-Raids Network',
    area: 'Example borough',
    hotline: options.hotline ?? '0800 123 4567',
    website: options.website ?? 'https://example.org/rights',
    ...(options.logo ? { logo: options.logo } : {}),
  };
  const interpolate = (s: string) => s.replace(/\{\{(\w+)\}\}/gu, (_, k: string) => (settings as Record<string, string>)[k] ?? '');
  const make = (key: string, l: string, text: string, state: StringState): LocalizedString => {
    const blocks = parseMarkup(interpolate(text).normalize('NFC'));
    const plain = blocks
      .map((b) => (b.kind === 'para' ? b.inlines.map((i) => i.text).join('') : b.items.map((it) => it.map((i) => i.text).join('')).join('\n')))
      .join('\n\n');
    return { key, lang: l, blocks, plain, state, review: options.review ?? 'reviewed' };
  };
  const table = fixture[code];
  const ui = code === 'en' ? {} : (fixture.ui[code] ?? {});
  return {
    edition: { name: 'generic', settings: {} },
    lang,
    settings,
    version: '2026.1',
    date: '2026-11-26',
    review: options.review ?? 'reviewed',
    strings: Object.fromEntries(
      [...new Set([...Object.keys(fixture.en), ...Object.keys(options.overrides ?? {})])].map((key) => {
        const override = options.overrides?.[key];
        const own = table[key];
        if (override !== undefined) return [key, make(key, code, override, code === 'en' ? 'source' : 'current')];
        if (own === undefined || options.fallback?.includes(key)) return [key, make(key, 'en', fixture.en[key]!, code === 'en' ? 'source' : 'fallback')];
        return [key, make(key, code, own, code === 'en' ? 'source' : 'current')];
      }),
    ),
    officerStrings: Object.fromEntries(Object.entries(fixture.en).map(([key, text]) => [key, make(key, 'en', text, 'source')])),
    officerLang: officer,
    ui: { ...enUi, ...ui },
    officerUi: enUi,
    strip: Object.entries(STRIP).map(([c, text]) => ({ lang: languageInfo(c) as LanguageInfo, text })),
  };
}

/**
 * A deterministic monospace setter: every character is 0.5 em wide, ascent 0.8 em, descent 0.2 em, greedy
 * breaks at spaces, RTL for Arabic-script languages. Runs are empty (nothing to draw): for arithmetic tests
 * of fitting, pagination and mirroring, independent of fonts. Characters in MISSING are reported missing.
 */
export const MISSING = '\u{1F600}';
export const fakeSetText: SetText = (p, o): ParagraphLayout => {
  const dir = languageInfo(p.lang)?.dir ?? 'ltr';
  const charWidth = 0.5 * o.size;
  const perLine = Math.max(1, Math.floor(o.width / charWidth));
  const lines: Line[] = [];
  for (const hard of p.text.split('\n')) {
    let current = '';
    for (const word of hard.split(' ')) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if ([...candidate].length <= perLine || current === '') current = candidate;
      else {
        lines.push(fakeLine(current, o.size, dir));
        current = word;
      }
    }
    lines.push(fakeLine(current, o.size, dir));
  }
  const missing: MissingGlyph[] = [];
  [...p.text].forEach((ch, i) => {
    if (MISSING.includes(ch))
      missing.push({ char: ch, codePoint: `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, offset: i, lang: p.lang });
  });
  const leading = o.leading ?? 1;
  return { lines, missing, maxWidth: Math.max(...lines.map((l) => l.width)), height: lines.reduce((s, l) => s + (l.ascent + l.descent) * leading, 0) };
};

function fakeLine(text: string, size: number, direction: 'ltr' | 'rtl'): Line {
  return { runs: [], width: [...text].length * 0.5 * size, ascent: 0.8 * size, descent: 0.2 * size, text, direction, start: 0, end: text.length };
}

import type { Frame, Positioned, StructNode, TextLineItem } from '../../../src/layout/frame.ts';

/** Every item of a frame with absolute coordinates (groups flattened). */
export function flatten(frame: Frame, dx = 0, dy = 0): Positioned[] {
  return frame.items.flatMap((p) => (p.item.kind === 'group' ? flatten(p.item.frame, dx + p.x, dy + p.y) : [{ ...p, x: p.x + dx, y: p.y + dy }]));
}

export function textLines(frame: Frame): { x: number; y: number; item: TextLineItem }[] {
  return flatten(frame).filter((p) => p.item.kind === 'line') as { x: number; y: number; item: TextLineItem }[];
}

/** id → node of a structure tree. */
export function nodesById(root: StructNode): Map<string, StructNode> {
  const map = new Map<string, StructNode>();
  const walk = (n: StructNode) => {
    if (map.has(n.id)) throw new Error(`duplicate structure id ${n.id}`);
    map.set(n.id, n);
    n.children.forEach(walk);
  };
  walk(root);
  return map;
}
