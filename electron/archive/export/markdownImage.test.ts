// Issue 14, "Markdown export can make text into an image": an article whose
// text ends in `!` right before a link exported as `Wow![pic](<…>)`, which
// every Markdown renderer shows as a remote image (an outside XSS set found it:
// an image vector imports as text `!` + a link). And front matter values are
// HTML text, so a site template printing them unescaped opens no markup.
// Rendered here with markdown-it (CommonMark, raw HTML passed through, as sites run it).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as b from '../../../shared/editor/build.ts';
import { bodyToMarkdown } from '../../../shared/export/markdown.ts';
import type { Article } from '../../../shared/model/article.ts';
import { Archive } from '../archive.ts';
import { importPaths } from '../import/importer.ts';
import { CORPUS_DIR } from '../testing/tempArchive.ts';
import { renderExport } from './render.ts';

const md = new MarkdownIt({ html: true });
const VECTORS = join(CORPUS_DIR, 'xss-vectors', 'vectors.json');

/** What a renderer makes of Markdown: its images, raw HTML and links. */
function rendered(markdown: string) {
  const tokens = md.parse(markdown, {}).flatMap((t) => [t, ...(t.children ?? [])]);
  return {
    images: tokens.filter((t) => t.type === 'image').map((t) => t.attrGet('src')),
    html: tokens.filter((t) => t.type === 'html_inline' || t.type === 'html_block').map((t) => t.content),
    links: tokens.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href')),
  };
}

let dir: string;
let archive: Archive;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-md-image-'));
  archive = Archive.open(join(dir, 'a.sqlite'));
});
afterAll(() => {
  archive.close();
  rmSync(dir, { recursive: true, force: true });
});

async function importFile(name: string, content: string): Promise<Article> {
  const src = join(dir, `src-${Math.random().toString(36).slice(2)}`);
  mkdirSync(src);
  writeFileSync(join(src, name), content);
  const report = await importPaths(archive, [join(src, name)], { timezone: 'UTC', onDuplicate: 'keep-both' });
  const id = report.files[0]?.articleId;
  if (!id) throw new Error(`not imported: ${JSON.stringify(report.files[0])}`);
  return archive.getArticle(id);
}

describe('a `!` before a link stays text', () => {
  it('escapes it, and the renderer shows a link, not an image', () => {
    const body = b.bodyState([b.paragraph([b.textNode('Wow!'), b.linkNode('https://example.com/x.png', [b.textNode('pic')])])]);
    const out = bodyToMarkdown(body);
    expect(out).toBe('Wow\\![pic](<https://example.com/x.png>)');
    expect(rendered(out)).toEqual({ images: [], html: [], links: ['https://example.com/x.png'] });
    expect(md.renderInline(out)).toBe('Wow!<a href="https://example.com/x.png">pic</a>');
  });

  it('escapes it after an escaped backslash too, and leaves a `!` elsewhere alone', () => {
    const link = b.linkNode('https://example.com/y.png', [b.textNode('y')]);
    expect(bodyToMarkdown(b.bodyState([b.paragraph([b.textNode('a\\!'), link])]))).toBe('a\\\\\\![y](<https://example.com/y.png>)');
    expect(bodyToMarkdown(b.bodyState([b.paragraph([b.textNode('Wow! '), link])]))).toBe('Wow! [y](<https://example.com/y.png>)');
    expect(bodyToMarkdown(b.bodyState([b.paragraph([b.textNode('Wow!', 1), link])]))).toBe('**Wow!**[y](<https://example.com/y.png>)');
    expect(bodyToMarkdown(b.bodyState([b.paragraph('Stop! Go!')]))).toBe('Stop! Go!');
  });

  it('the issue’s HTML article, imported and exported as Markdown, shows no image', async () => {
    const article = await importFile('wow.html', '<!DOCTYPE html><html><head><title>Wow</title></head><body><article><p>Wow!<a href="https://example.com/x.png">pic</a></p></article></body></html>');
    const out = renderExport(article, 'md');
    expect(out).toContain('Wow\\![pic](<https://example.com/x.png>)');
    expect(rendered(out).images).toEqual([]);
  });

  it('an image vector written as Markdown imports as its alt text, and exports with no image', async () => {
    // Our own vector, shaped like the published one: an image whose URL breaks out into an event handler.
    const article = await importFile('chart.md', '---\ntitle: "Chart"\n---\n\nSee the chart ![chart](https://example.com/c.png"onerror="steal(document.cookie)) below.\n');
    const out = renderExport(article, 'md');
    expect(rendered(out)).toMatchObject({ images: [], html: [] });
    // CommonMark reads it as an image: our importer keeps the alt text (linked to the image), never a stray `!`.
    expect(article.bodyText).toBe('See the chart chart below.');
  });

  it.skipIf(!existsSync(VECTORS))('the published Markdown image vectors (xss-vectors) import and export with no image and no raw HTML', async () => {
    const vectors = (JSON.parse(readFileSync(VECTORS, 'utf8')) as string[]).filter((v) => /!\[[^\]]*\]\(/.test(v));
    expect(vectors.length).toBeGreaterThan(0);
    for (const [i, vector] of vectors.entries()) {
      const article = await importFile(`vector-${i}.md`, `---\ntitle: "Vector ${i}"\n---\n\n${vector}\n`);
      const out = renderExport(article, 'md');
      const r = rendered(out);
      expect(r.images, `vector ${i}`).toEqual([]);
      expect(r.html, `vector ${i}`).toEqual([]);
    }
  }, 120_000);
  if (!existsSync(VECTORS)) console.warn(`skipped: the published vectors need ${VECTORS}`);
});

describe('front matter values are HTML text', () => {
  const hostile = '<img src=x onerror=alert(1)> Q&A: “5 > 3” &amp; more';

  it('are written with &, <, > as entities, as valid YAML', () => {
    const body = b.bodyState([b.paragraph('Body.')]);
    const out = renderExport({ id: 'a1', headline: hostile, dek: '<script>x()</script>', byline: 'A & B', dateline: '', section: '<b>', tags: ['<i>tag</i>'], language: 'en', slug: 's', postedAt: null, updatedAt: null, wordCount: 1, body }, 'md');
    expect(out).toContain('title: "&lt;img src=x onerror=alert(1)&gt; Q&amp;A: “5 &gt; 3” &amp;amp; more"\n');
    expect(out).toContain('tags: ["&lt;i&gt;tag&lt;/i&gt;"]\n');
    // A template that prints each value unescaped into a page opens no element.
    const front = out.slice(4, out.indexOf('\n---\n', 4));
    const values = [...front.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    let elements = 0;
    new Parser({ onopentag: () => void elements++ }).end(`<h1>${values.join('</h1><h1>')}</h1>`);
    expect(elements).toBe(values.length); // only the template's own <h1>s
  });

  it('read back as the article’s text through our importer', async () => {
    const body = b.bodyState([b.paragraph('Body text.')]);
    const source: Parameters<typeof renderExport>[0] = { id: 'a2', headline: hostile, dek: 'Dek &lt;literal&gt;', byline: 'A & B', dateline: '', section: 'Q&A', tags: ['<i>', 'R&D'], language: 'en', slug: 'hostile', postedAt: null, updatedAt: null, wordCount: 2, body };
    const back = await importFile('hostile.md', renderExport(source, 'md'));
    expect({ headline: back.headline, dek: back.dek, byline: back.byline, section: back.section, tags: back.tags }).toEqual({
      headline: hostile,
      dek: 'Dek &lt;literal&gt;',
      byline: 'A & B',
      section: 'Q&A',
      tags: ['<i>', 'R&D'],
    });
  });
});
