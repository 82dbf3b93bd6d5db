/**
 * The CLI's exit codes: 0 ok, 1 the content has errors, 2 a usage mistake, 3 an internal error (a bug). Kept in a
 * file of its own so the entry (and `--help`) can name them without loading the option parser and what it needs.
 */
export const EXIT = { ok: 0, content: 1, usage: 2, internal: 3 } as const;
