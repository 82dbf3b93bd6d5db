/** Debian's chromium, which the browser tests and the web bench drive through playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';

/** The launch flags: no sandbox (CI runs as root), and no background traffic of the browser's own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
