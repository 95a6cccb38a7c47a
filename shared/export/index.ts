// The export serializer: Lexical JSON + fields in, text out. Plain TypeScript,
// no DOM and no Node, so the core, the CLI and the renderer produce the same
// bytes. HTML from here is the sanitizer's INPUT: the core's allow-list pass
// (electron/archive/export/sanitize.ts) is what makes it final.
export { bodyToHtml } from './html.ts';
export { articleHeader, contentSecurityPolicy, displayTime, renderDocumentMarkup } from './document.ts';
export { bodyToMarkdown, escapeMarkdown, renderMarkdown } from './markdown.ts';
export { renderText } from './text.ts';
export { frontMatter, frontMatterValue, readFrontMatterText, yamlString } from './frontMatter.ts';
export { newsArticleData, newsArticleJsonLd } from './jsonld.ts';
export { cleanText, escapeHtmlAttr, escapeHtmlText, EXPORT_LINK_SCHEMES, isoDateTime, jsonForScript, safeHref } from './escape.ts';
export { PRINT_STYLESHEET, PRINT_STYLESHEET_HASH } from './stylesheet.ts';
export * from './types.ts';
