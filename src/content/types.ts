import type { ContentSource } from './source.ts';
import type { SpanLookup } from './content-spans.ts';
import type { LanguageOverride } from './languages.ts';

/**
 * The content model, as loaded from a content folder:
 *
 *   content/project.yaml              ProjectFile: versions, settings, languages, policy, materials
 *   content/guidance/<source>.yaml    SourceGuidance: every string in the source language, by stable key
 *   content/translations/<lang>.yaml  TranslationFile: one per language, each string with its source hash
 *   content/editions/<name>.yaml      Edition: a small overlay (organisation, hotline, website, logo …)
 *
 * Every loaded value keeps where it came from (`spans`), so later stages can report `file:line:col`.
 */
/** What to do with a string whose translation is stale or missing. */
export type PolicyAction = 'fail' | 'fallback' | 'keep';

export interface PrintPolicy {
  /** Translation made from an older source text. Default `fallback`. */
  readonly stale: PolicyAction;
  /** No translation. `keep` is not allowed for missing (there is nothing to keep). Default `fallback`. */
  readonly missing: Exclude<PolicyAction, 'keep'>;
}

export type ReviewStatus = 'draft' | 'reviewed';

/**
 * A language of the project: any well-formed BCP 47 code, plus what differs from ICU's locale data (the same
 * optional fields as a row of locales/languages.json: name, autonym, script, dir, fonts, fallback).
 */
export interface LanguageEntry extends LanguageOverride {
  /** BCP 47 code; ICU supplies script, direction and names unless given here or in locales/languages.json. */
  readonly code: string;
  readonly review: ReviewStatus;
  readonly reviewedBy?: string;
  /** ISO date. */
  readonly reviewedOn?: string;
}

/**
 * Settings that editions override and strings interpolate as `{{name}}`. Values containing the marker
 * `PLACEHOLDER` are placeholders: the build warns for each one still in use, naming the setting.
 */
export interface Settings {
  readonly organisation: string;
  readonly area: string;
  readonly hotline: string;
  /** URL the QR codes point to. */
  readonly website: string;
  /** Optional logo (SVG or PNG), path relative to the content folder; must stay inside it. */
  readonly logo?: string;
  readonly [name: string]: string | undefined;
}

/** Which keys go where on each material: the content decides which keys go on which side, not the code. */
export interface MaterialsSpec {
  readonly card: {
    /** Keys on the front, in the holder's language; first is the title. */
    readonly front: readonly string[];
    /** Keys on the back, in the officer language; first is the title. */
    readonly back: readonly string[];
  };
  readonly leaflet: {
    readonly title: string;
    readonly intro?: string;
    readonly sections: readonly { readonly heading: string; readonly body: readonly string[] }[];
    /** Key of the boxed hotline text. */
    readonly hotline: string;
    /** Key of the "general information, not legal advice" disclaimer. */
    readonly disclaimer: string;
  };
  readonly poster: {
    readonly title: string;
    /** Three to five key rights. */
    readonly rights: readonly string[];
    readonly hotline: string;
    /** Key whose translation in every language forms the multilingual strip ("Know your rights"). */
    readonly strip: string;
    readonly disclaimer: string;
  };
}

export interface ProjectFile {
  /** Content version shown on every material and in metadata, e.g. `2026.1`. */
  readonly version: string;
  /** Edition date, ISO `YYYY-MM-DD`; also the PDFs' creation date unless SOURCE_DATE_EPOCH is set. */
  readonly date: string;
  readonly sourceLanguage: string;
  /** Language of the card's officer side. Default `en`. */
  readonly officerLanguage: string;
  readonly policy: PrintPolicy;
  readonly settings: Settings;
  readonly languages: readonly LanguageEntry[];
  readonly materials: MaterialsSpec;
}

/** Source guidance: key → text in the source language. Markup: `**bold**`, lines starting `- ` are bullets, blank line = new paragraph, `{{setting}}` interpolation. */
export interface SourceGuidance {
  readonly language: string;
  readonly strings: Readonly<Record<string, string>>;
}

export interface TranslatedString {
  readonly text: string;
  /** First 8 hex digits of SHA-256 of the source text this was translated from (see i18n/hash). */
  readonly source: string;
  /** Per-string review status; defaults to the language's. */
  readonly review?: ReviewStatus;
  /** Who reviewed this string (`rightsprint accept --by`). */
  readonly reviewedBy?: string;
  /** When this string was reviewed, ISO `YYYY-MM-DD`. Added with `reviewedBy`; optional. */
  readonly reviewedOn?: string;
}

export interface TranslationFile {
  readonly language: string;
  readonly strings: Readonly<Record<string, TranslatedString>>;
}

export interface Edition {
  /** File stem, e.g. `generic`; outputs go to output/<name>/. */
  readonly name: string;
  readonly title?: string;
  /** Overrides of project settings. */
  readonly settings: Partial<Settings>;
  /** Optional subset of project languages to build for this edition. */
  readonly languages?: readonly string[];
}

/**
 * The source guidance as it was at one content version: `content/history/<version>.yaml`, written by
 * `rightsprint snapshot` before the guidance is edited for the next version. A stale translation's stored hash
 * finds the old source text it was made from here, so status and export can show what changed.
 */
export interface HistorySnapshot {
  /** Content version the snapshot belongs to; equals the file stem. */
  readonly version: string;
  /** Edition date of that version, ISO `YYYY-MM-DD`. */
  readonly date: string;
  /** The source language (as guidance/<source>.yaml). */
  readonly language: string;
  /** Key → source text at that version. */
  readonly strings: Readonly<Record<string, string>>;
}

/** A loaded content folder. `spans` answers where a dotted path (`translations/ar.yaml#strings.title.text`) is. */
export interface ContentDoc {
  /** Absolute path of the content folder; '' for content held in memory (the web page). */
  readonly root: string;
  /** The content's files (logos, the organisation's own locales/), by content-relative key. */
  readonly files: ContentSource;
  readonly project: ProjectFile;
  readonly source: SourceGuidance;
  readonly translations: ReadonlyMap<string, TranslationFile>;
  readonly editions: readonly Edition[];
  readonly spans: SpanLookup;
  /**
   * Edition history (content/history/<version>.yaml) by file version, newest first. Optional so hand-built
   * ContentDocs still type-check; the loader always sets it (empty when the folder has no history/).
   */
  readonly history?: ReadonlyMap<string, HistorySnapshot>;
  /**
   * Set when only the translations of these languages were loaded (LoadOptions.languages): such a ContentDoc can
   * plan, hash and report a `--lang` build, but localize() refuses it, since a poster prints every language.
   */
  readonly onlyTranslations?: ReadonlySet<string>;
}
