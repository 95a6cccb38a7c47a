// Test pages written for these tests (no publisher's text): a saved page
// with a site's chrome around a story long enough to be readerable, and
// helpers to parse one as the importer would.
import type { ParsedArticle } from '../types.ts';
import { parseHtml } from '../html.ts';
import { inputFromText } from '../input.ts';

/** A paragraph of about 170 characters, numbered so tests can find it. */
export function storyParagraph(n: number): string {
  return `Paragraph ${n} of the harbour story: the council sat until late on Tuesday, argued about dredging, mooring fees and the future of the fishing fleet, and then voted.`;
}

export function storyHtml(paragraphs = 6): string {
  return Array.from({ length: paragraphs }, (_, i) => `<p>${storyParagraph(i + 1)}</p>`).join('\n');
}

export interface CaptureParts {
  /** Extra <head> markup (meta tags, JSON-LD, canonical link). */
  head?: string;
  /** <html> attributes, e.g. `lang="en"`. */
  htmlAttrs?: string;
  title?: string;
  /** Markup between the site header and the story (teasers, share buttons). */
  before?: string;
  /** The story's own header (headline, byline, date); default an <h1>. */
  storyHeader?: string;
  story?: string;
  after?: string;
}

/** A saved newsroom page: site header with a logo, navigation, the story in <article>, an aside and a footer. */
export function capturePage(parts: CaptureParts = {}): string {
  return `<!DOCTYPE html>
<html ${parts.htmlAttrs ?? ''}>
<head><meta charset="utf-8"><title>${parts.title ?? 'Harbour reopens | The Daily Planet'}</title>
<script>window.tracker = { page: 'story' };</script>
${parts.head ?? ''}
</head>
<body>
<header class="site-header"><h1 class="site-logo"><a href="/"><img src="logo.png" alt="The Daily Planet"></a></h1>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="share-bar"><button>Share</button><button>Tweet</button></div>
${parts.before ?? ''}
<article class="story">
${parts.storyHeader ?? '<h1>Harbour reopens after dredging</h1>'}
${parts.story ?? storyHtml()}
</article>
${parts.after ?? ''}
<aside class="related"><h2>Most read</h2><ul><li><a href="/a">Another story</a></li><li><a href="/b">A third story</a></li></ul></aside>
<footer><p>© The Daily Planet. All rights reserved.</p></footer>
</body>
</html>`;
}

export function parsePage(html: string, zone = 'UTC'): ParsedArticle {
  return parseHtml(inputFromText(html, '/captures/page.html', zone));
}
