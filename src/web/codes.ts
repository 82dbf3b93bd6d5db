/**
 * Diagnostic codes only the web page emits (its worker, src/web/worker.ts). RP80xx: the page's own machinery.
 * The README's diagnostics table lists them with the others (src/diagnostics/codes.ts).
 */
export const WEB_CODES = {
  /**
   * A font face a job needs could not be fetched or did not match fonts/manifest.json (offline before the page
   * cached that script's fonts, or an incomplete copy of the site): the job's language is not built.
   */
  fontUnavailable: 'RP8001',
} as const;
