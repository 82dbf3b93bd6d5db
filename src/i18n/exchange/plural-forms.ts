/**
 * gettext `Plural-Forms` header values per language, as gettext's documentation and translate-toolkit give them.
 * rightsprint has no plural messages; the header is there because PO editors (Poedit, Lokalize) ask for it and
 * `msgfmt -c` checks it when present. Languages without an established gettext rule (Dari, Kurmanji, Sorani)
 * are left out rather than guessed: their PO files simply have no Plural-Forms line.
 */
export const PLURAL_FORMS: Readonly<Record<string, string>> = {
  sq: 'nplurals=2; plural=(n != 1);',
  am: 'nplurals=2; plural=n > 1;',
  ar: 'nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;',
  hy: 'nplurals=1; plural=0;',
  bn: 'nplurals=2; plural=(n != 1);',
  bg: 'nplurals=2; plural=(n != 1);',
  my: 'nplurals=1; plural=0;',
  'zh-Hans': 'nplurals=1; plural=0;',
  'zh-Hant': 'nplurals=1; plural=0;',
  fa: 'nplurals=2; plural=n > 1;',
  'fa-AF': 'nplurals=2; plural=n > 1;',
  fr: 'nplurals=2; plural=(n > 1);',
  ka: 'nplurals=1; plural=0;',
  el: 'nplurals=2; plural=(n != 1);',
  gu: 'nplurals=2; plural=(n != 1);',
  he: 'nplurals=2; plural=(n != 1);',
  hi: 'nplurals=2; plural=(n != 1);',
  km: 'nplurals=1; plural=0;',
  lt: 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);',
  ne: 'nplurals=2; plural=(n != 1);',
  ps: 'nplurals=2; plural=(n != 1);',
  pl: 'nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
  pt: 'nplurals=2; plural=(n != 1);',
  pa: 'nplurals=2; plural=(n != 1);',
  ro: 'nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);',
  ru: 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
  si: 'nplurals=2; plural=(n != 1);',
  so: 'nplurals=2; plural=(n != 1);',
  es: 'nplurals=2; plural=(n != 1);',
  ta: 'nplurals=2; plural=(n != 1);',
  th: 'nplurals=1; plural=0;',
  ti: 'nplurals=2; plural=(n > 1);',
  tr: 'nplurals=2; plural=(n != 1);',
  uk: 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
  ur: 'nplurals=2; plural=(n != 1);',
  vi: 'nplurals=1; plural=0;',
};
