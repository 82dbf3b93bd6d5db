/**
 * Checks of the shipped English guidance (content/guidance/en.yaml), project file and editions, read with the
 * `yaml` package directly so they run without the loader: keys the materials use exist, the hard length limits
 * that let the wallet card fit in Tamil, Myanmar and Urdu, settings interpolation, no phone numbers or web
 * addresses in the text, and every key (and every placeholder) traced in content/SOURCES.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { MaterialsSpec } from '../../../src/content/types.ts';
import { scriptsWithFonts } from '../../../src/content/scripts-with-fonts.ts';
import { languageProblem } from '../../../src/content/languages.ts';

const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));
const readYaml = (rel: string) => parse(readFileSync(join(CONTENT, rel), 'utf8')) as Record<string, unknown>;

const guidance = readYaml('guidance/en.yaml') as { language: string; strings: Record<string, string> };
const project = readYaml('project.yaml') as {
  sourceLanguage: string;
  officerLanguage: string;
  settings: Record<string, string>;
  languages: { code: string; review: string }[];
  materials: MaterialsSpec;
};
const editionFiles = readdirSync(join(CONTENT, 'editions'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const editions = editionFiles.map((f) => ({ file: f, ...(readYaml(`editions/${f}`) as { title?: string; settings: Record<string, string> }) }));
const sources = readFileSync(join(CONTENT, 'SOURCES.md'), 'utf8');
const strings = guidance.strings;

/** Every key the materials place, in the order the spec lists them. */
function materialKeys(m: MaterialsSpec): string[] {
  return [
    ...m.card.front,
    ...m.card.back,
    m.leaflet.title,
    ...(m.leaflet.intro ? [m.leaflet.intro] : []),
    ...m.leaflet.sections.flatMap((s) => [s.heading, ...s.body]),
    m.leaflet.hotline,
    m.leaflet.disclaimer,
    m.poster.title,
    ...m.poster.rights,
    m.poster.hotline,
    m.poster.strip,
    m.poster.disclaimer,
  ];
}

const bullets = (text: string) => text.split('\n').filter((l) => l.startsWith('- '));

/**
 * Hard limits in characters of the English source (markup included, settings not interpolated). The card is
 * 85.6 × 54 mm and must fit at 6.5 pt or more in scripts that run 1.5–2× longer or taller than English.
 */
const LIMITS: Record<string, number> = {
  'card.title': 30,
  'card.rights': 260,
  'card.call': 60,
  'officer.title': 40,
  // 373 since 2026.2: the lawful limits ("unless the law requires me to", "arrested or detained") and the
  // lawyer-check marker on the signing sentence. The back is printed in English only, so one language must fit.
  'officer.statement': 380,
};
/** Poster rights are set very large; each must stay one or two lines. */
const POSTER_RIGHT_MAX = 70;
/**
 * Leaflet bodies stay short enough for a 2–4 page A5 leaflet. Raised from 660 to 1050 in 2026.2: the corrected
 * street and arrest sections say what changes with a search or an arrest (the limits the law sets), and a
 * shorter text that overstates the law is worse than a longer one that does not.
 */
const LEAFLET_BODY_MAX = 1050;
const CARD_RIGHTS_MAX_BULLETS = 5;

/**
 * Seven or more digits in a row, allowing the separators phone numbers are written with. Legal citations such
 * as "Immigration Act 1971 s.28K" or "2017 ss.159–160" do not match (letters and dashes break the run).
 */
const PHONE_LIKE = /\+?\d(?:[ ().-]*\d){6,}/u;

describe('shipped English guidance', () => {
  it('is the source language, listed by the project', () => {
    expect(guidance.language).toBe('en');
    expect(project.sourceLanguage).toBe('en');
    expect(project.officerLanguage).toBe('en');
  });

  it('has every key the materials use, each a non-empty string', () => {
    const missing = materialKeys(project.materials).filter((k) => typeof strings[k] !== 'string' || strings[k]!.trim() === '');
    expect(missing).toEqual([]);
  });

  it('has no key the materials do not use (translators would translate it for nothing)', () => {
    const used = new Set(materialKeys(project.materials));
    expect(Object.keys(strings).filter((k) => !used.has(k))).toEqual([]);
  });

  it('keeps the card and officer texts within their hard length limits', () => {
    const over = Object.entries(LIMITS)
      .filter(([key, max]) => (strings[key] ?? '').length > max)
      .map(([key, max]) => `${key}: ${strings[key]!.length} > ${max}`);
    expect(over).toEqual([]);
    expect(bullets(strings['card.rights'] ?? '').length).toBeLessThanOrEqual(CARD_RIGHTS_MAX_BULLETS);
    expect(bullets(strings['card.rights'] ?? '').length).toBeGreaterThan(0);
  });

  it('keeps poster rights short and three to five of them', () => {
    const rights = project.materials.poster.rights;
    expect(rights.length).toBeGreaterThanOrEqual(3);
    expect(rights.length).toBeLessThanOrEqual(5);
    const over = rights.filter((k) => (strings[k] ?? '').length > POSTER_RIGHT_MAX).map((k) => `${k}: ${strings[k]!.length}`);
    expect(over).toEqual([]);
  });

  it('keeps leaflet section bodies short enough for a 2–4 page A5 leaflet', () => {
    const bodies = project.materials.leaflet.sections.flatMap((s) => s.body);
    const over = bodies.filter((k) => (strings[k] ?? '').length > LEAFLET_BODY_MAX).map((k) => `${k}: ${strings[k]!.length}`);
    expect(over).toEqual([]);
  });

  it('interpolates only known settings', () => {
    const known = new Set(Object.keys(project.settings));
    const unknown = Object.entries(strings).flatMap(([key, text]) =>
      [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/gu)]
        .map((m) => m[1]!)
        .filter((v) => !known.has(v))
        .map((v) => `${key}: {{${v}}}`),
    );
    expect(unknown).toEqual([]);
    // Single braces are a typo for interpolation and would print literally.
    expect(
      Object.entries(strings)
        .filter(([, t]) => /(^|[^{])\{[^{]|[^}]\}($|[^}])/u.test(t))
        .map(([k]) => k),
    ).toEqual([]);
  });

  it('contains no phone numbers or web addresses (those are settings, verified per edition)', () => {
    const phones = Object.entries(strings)
      .filter(([, t]) => PHONE_LIKE.test(t))
      .map(([k, t]) => `${k}: ${PHONE_LIKE.exec(t)![0]}`);
    expect(phones).toEqual([]);
    const urls = Object.entries(strings)
      .filter(([, t]) => /https?:|www\.|@|\.(org|uk|com|net)\b/iu.test(t))
      .map(([k]) => k);
    expect(urls).toEqual([]);
  });

  it('uses only the short markup: balanced **bold**, "- " bullets, no other list or heading syntax', () => {
    const problems: string[] = [];
    for (const [key, text] of Object.entries(strings)) {
      if ((text.match(/\*\*/gu) ?? []).length % 2 !== 0) problems.push(`${key}: unbalanced **`);
      for (const line of text.split('\n')) {
        if (/^\s*([*+#>]|\d+\.)\s/u.test(line)) problems.push(`${key}: unsupported markup "${line.slice(0, 20)}"`);
        if (/^\s+-\s/u.test(line)) problems.push(`${key}: indented bullet`);
        if (line !== line.trimEnd()) problems.push(`${key}: trailing space`);
      }
      if (text !== text.trim()) problems.push(`${key}: leading or trailing whitespace`);
      if (/\n{3,}/u.test(text)) problems.push(`${key}: more than one blank line`);
    }
    expect(problems).toEqual([]);
  });

  it('says on every material that it is general information for England and Wales, not legal advice', () => {
    const { leaflet, poster } = project.materials;
    expect(poster.disclaimer).toBe(leaflet.disclaimer);
    const disclaimer = strings[leaflet.disclaimer] ?? '';
    expect(disclaimer).toMatch(/not legal advice/u);
    expect(disclaimer).toMatch(/England and Wales/u);
  });

  it('avoids wording the fact sheet forbids (section 8)', () => {
    const all = Object.values(strings).join('\n');
    expect(all).not.toMatch(/cannot chase|can't chase|not allowed to chase/iu);
    expect(all).not.toMatch(/judge|slide it under|free to go\?|fifth amendment/iu);
    expect(all).not.toMatch(/never have to give your name/iu);
    expect(all).not.toMatch(/£/u);
  });
});

/** Sentences of a guidance string (markup removed), for checks that must hold sentence by sentence. */
const sentences = (text: string) =>
  text
    .replace(/\*\*/gu, '')
    .split(/(?<=[.?!])\s+|\n+/u)
    .map((s) => s.replace(/^- /u, '').trim())
    .filter((s) => s !== '');

describe('the corrected wording keeps the limits the law sets (guidance audit 2026.2)', () => {
  // After an arrest for an offence, nationality must be stated on request (UK Borders Act 2007 ss.43A–43B), and a
  // formal immigration examination carries a duty to answer (Immigration Act 1971 Sch 2 para 4(1)). So "you do
  // not have to answer" is only ever said about questioning before an arrest, or to people not under arrest.
  it('never says "do not have to answer" without limiting it to before an arrest', () => {
    const unlimited = Object.entries(strings).flatMap(([key, text]) =>
      sentences(text)
        .filter((s) => /do not have to answer|don't have to answer/iu.test(s))
        .filter((s) => !/before any arrest|not under arrest/iu.test(s))
        .map((s) => `${key}: ${s}`),
    );
    expect(unlimited).toEqual([]);
  });

  it('limits it on the card, the poster and the officer side, and says what changes after an arrest', () => {
    const printed = [...project.materials.card.front, ...project.materials.card.back, ...project.materials.poster.rights];
    const onCardAndPoster = printed.map((k) => strings[k] ?? '').join('\n');
    expect(onCardAndPoster).toMatch(/before any arrest, you usually do not have to answer/iu);
    // Card and poster each also say that an arrest can bring a duty to state one's nationality.
    expect(project.materials.card.front.map((k) => strings[k] ?? '').join('\n')).toMatch(/arrested, you may have to say your nationality/iu);
    expect(project.materials.poster.rights.map((k) => strings[k] ?? '').join('\n')).toMatch(/after an arrest, you may have to say your nationality/iu);
  });

  it('the officer statement asks which power is used and no longer says "not under arrest, I am leaving"', () => {
    const statement = (strings['officer.statement'] ?? '').replace(/\s+/gu, ' ');
    // "Not under arrest" is the wrong test: a search (PACE s.1(2)) or a traffic stop (RTA 1988 s.163) holds a
    // person without an arrest, and walking off then risks obstruction.
    expect(statement).not.toMatch(/not under arrest,? I am leaving/iu);
    expect(statement).not.toMatch(/I am leaving/iu);
    expect(statement).toMatch(/What power are you using\?/u);
    expect(statement).toMatch(/If I am not arrested or detained, I want to leave\./u);
    expect(statement).toMatch(/^Unless the law requires me to, I do not wish to answer questions without legal advice\./u);
    // The signing sentence has no UK source yet: it carries a lawyer-check marker until one is found.
    expect(statement).toMatch(/before I sign anything\. \[PLACEHOLDER:[^\]]+\]$/u);
  });

  it('keeps every unsourced point a marked placeholder: signing advice and free advice under immigration powers', () => {
    expect(strings['arrest.body']).toMatch(/Do not sign anything you do not understand\.\*\* [^\n]*\[PLACEHOLDER:[^\]]*AITOCA 2004 s\.35\)\]/u);
    expect(strings['arrest.body']).toMatch(/free at a police station if you are arrested for a crime\. \[PLACEHOLDER:[^\]]*immigration powers\]/u);
  });
});

describe('content/SOURCES.md', () => {
  const headings = [...sources.matchAll(/^### `([^`]+)`$/gmu)].map((m) => m[1]!);

  it('has an entry for every key, and no entry for a key that does not exist', () => {
    expect(Object.keys(strings).filter((k) => !headings.includes(k))).toEqual([]);
    expect(headings.filter((k) => !(k in strings))).toEqual([]);
  });

  it('lists every placeholder printed in the text, verbatim', () => {
    const markers = Object.values(strings).flatMap((t) => [...t.matchAll(/\[PLACEHOLDER:[^\]]*\]/gu)].map((m) => m[0]));
    expect(markers.length).toBeGreaterThan(0);
    expect(markers.filter((m) => !sources.includes(m))).toEqual([]);
  });

  it('is self-contained: no machine path, and no citation of a file outside the repository', () => {
    expect(sources).not.toMatch(/\/work\/|\/home\/|\/Users\/|[A-Z]:\\\\|\.\.\/shared|\bFS §/u);
  });

  it('gives every source in its table an address and a date', () => {
    const rows = sources.split('\n').filter((l) => /^\| [A-Za-z0-9][^|]* \| https?:\/\//u.test(l));
    expect(rows.length).toBeGreaterThan(30);
    const undated = rows.filter((l) => (l.split('|')[3] ?? '').trim() === '');
    expect(undated).toEqual([]);
  });

  it('lists every placeholder setting', () => {
    const placeholders = Object.keys(project.settings).filter((k) => project.settings[k]!.includes('PLACEHOLDER'));
    expect(placeholders.filter((k) => !sources.includes(`| \`${k}\` |`))).toEqual([]);
  });
});

describe('shipped project file and editions', () => {
  it('lists each language once, all known, none the source, all draft until reviewed', () => {
    const codes = project.languages.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => languageProblem(c, scriptsWithFonts()) !== undefined)).toEqual([]);
    expect(codes).not.toContain('en');
    expect(project.languages.filter((l) => l.review !== 'draft').map((l) => l.code)).toEqual([]);
  });

  it('lists every shipped language in the README, by English name and code', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const list = /Shipped languages \(English plus (\d+) translations\):([\s\S]*?)\. Any other language/u.exec(readme);
    expect(list, 'README: "Shipped languages (English plus N translations): …"').not.toBeNull();
    const codes = [...list![2]!.matchAll(/`([\w-]+)`/gu)].map((m) => m[1]!);
    expect(Number(list![1])).toBe(project.languages.length);
    expect(codes.sort()).toEqual(project.languages.map((l) => l.code).sort());
  });

  it('ships no contact that has not been verified: hotline and legal advice stay placeholders everywhere', () => {
    for (const settings of [project.settings, ...editions.map((e) => e.settings)]) {
      for (const name of ['hotline', 'legalAdvice']) {
        if (settings[name] !== undefined) expect(settings[name], name).toContain('PLACEHOLDER');
      }
    }
    for (const name of ['organisation', 'area', 'hotline', 'website']) expect(project.settings[name], name).toContain('PLACEHOLDER');
    expect(project.settings['website']).toMatch(/^https:\/\/example\.org\//u);
  });

  it('has a generic edition that overrides nothing, and an example edition whose logo is a safe SVG inside content/', () => {
    const generic = editions.find((e) => e.file === 'generic.yaml');
    expect(generic?.settings).toEqual({});
    const example = editions.find((e) => e.file === 'example-local.yaml');
    expect(example?.title).toMatch(/example/iu);
    const logo = example?.settings['logo'] ?? '';
    const logoPath = resolve(CONTENT, logo);
    expect(relative(CONTENT, logoPath).startsWith('..')).toBe(false);
    expect(existsSync(logoPath)).toBe(true);
    const svg = readFileSync(logoPath, 'utf8');
    expect(svg).toMatch(/<svg[^>]*viewBox=/u);
    // Paths and basic shapes only: no fonts (text), scripts, external references or embedded images.
    expect(svg).not.toMatch(/<(text|script|image|use|foreignObject)\b|xlink:href|href=/u);
    for (const e of editions) {
      if (e.settings['website'] !== undefined) expect(e.settings['website']).toMatch(/^https:\/\/example\.org\/.*PLACEHOLDER/u);
    }
  });
});
