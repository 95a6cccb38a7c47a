// The optional stylesheet of a standalone export. It is a constant on purpose:
// the document's CSP allows exactly this text by its hash, and the sanitizer
// keeps a <style> element only when it holds exactly this text.
export const PRINT_STYLESHEET =
  'body{font:16px/1.5 Georgia,serif;max-width:40em;margin:2em auto;padding:0 1em;color:#111}' +
  'h1{font-size:1.8em;line-height:1.2}blockquote{margin:1em 2em;font-style:italic}' +
  '@media print{body{font-size:11pt;max-width:none;margin:0}a{color:inherit;text-decoration:none}' +
  'a[href^="http"]::after{content:" (" attr(href) ")";font-size:9pt}h1,h2,h3,h4{break-after:avoid}p{orphans:3;widows:3}}';

/** `sha256-…` of PRINT_STYLESHEET for the CSP; a test recomputes it so the two cannot drift. */
export const PRINT_STYLESHEET_HASH = 'sha256-fFFslLbc5Z/REdsc9BdQJg3KXr64kl1In+YvTnIVTm4=';
