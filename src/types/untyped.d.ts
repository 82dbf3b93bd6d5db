/** Libraries that ship no types; the modules using them type the parts they rely on. */
declare module 'fontkit';
declare module 'linebreak';
declare module 'brotli/decompress.js';
declare module 'svg-to-pdfkit';
