// What scripts/bundle.mjs compiles in where a package imports `unicode-trie`. fontkit (five tries), linebreak and
// unicode-properties each build their tries when their module is evaluated: two zlib inflates in plain JavaScript
// per trie, ~100 ms at every start and in every worker, while a build uses only some of them (HarfBuzz shapes, so
// fontkit's Arabic, Indic and Universal shaper tries are never read). This one inflates a trie the first time it is
// asked for a value: the same values, from the same package code. The packages only ever call `get`.
const UnicodeTrie = require('unicode-trie');

module.exports = class LazyUnicodeTrie extends UnicodeTrie {
  constructor(data) {
    // The pre-parsed form: nothing is inflated yet.
    super({ data: null, highStart: 0, errorValue: 0 });
    this.source = data;
  }

  get(codePoint) {
    if (this.source !== null) {
      const trie = new UnicodeTrie(this.source);
      this.data = trie.data;
      this.highStart = trie.highStart;
      this.errorValue = trie.errorValue;
      this.source = null;
    }
    return super.get(codePoint);
  }
};
