// Golden files: the exact bytes of each export format for one body per node
// type and for the seed article. Regenerate deliberately with
//   UPDATE_GOLDEN=1 npx vitest run electron/archive/export/golden.test.ts
// and review the diff like code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderDocumentMarkup } from '../../../shared/export/document.ts';
import { bodyToHtml } from '../../../shared/export/html.ts';
import { auditHtml } from './audit.ts';
import { fullArticle, NODE_CASES, nodeCaseArticle, seedArticle } from './fixtures.ts';
import { renderExport } from './render.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/export');
const update = process.env.UPDATE_GOLDEN === '1';

function golden(relative: string, actual: string): void {
  const path = join(FIXTURES, relative);
  if (update || !existsSync(path)) {
    if (!update) throw new Error(`missing golden file ${relative}; run with UPDATE_GOLDEN=1`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('golden files per node type', () => {
  for (const name of Object.keys(NODE_CASES)) {
    it(name, () => {
      const article = nodeCaseArticle(name);
      const fragment = renderExport(article, 'fragment');
      golden(`nodes/${name}.html`, fragment);
      golden(`nodes/${name}.md`, renderExport(article, 'md'));
      expect(auditHtml(fragment, { allowJsonLd: false }).problems).toEqual([]);
      // The sanitizer is a second line of defence: on our own output it changes nothing.
      expect(fragment).toBe(bodyToHtml(article.body) === '' ? '' : `${bodyToHtml(article.body)}\n`);
    });
  }
});

describe('golden files for the seed article', () => {
  const article = seedArticle(readFileSync(join(FIXTURES, 'seed/donga-2019-01-09-denuke.txt'), 'utf8'));

  it('has the headline, dates and five paragraphs', () => {
    expect(article.headline).toBe("N. Korea's denuke is the only path available");
    expect(article.body.root.children).toHaveLength(5);
  });

  it('fragment', () => golden('seed/denuke.fragment.html', renderExport(article, 'fragment')));
  it('standalone', () => {
    const html = renderExport(article, 'html');
    golden('seed/denuke.html', html);
    expect(html).toBe(`<!DOCTYPE html>\n${renderDocumentMarkup(article)}`);
  });
  it('standalone without the stylesheet', () => golden('seed/denuke.nostyle.html', renderExport(article, 'html', { printStylesheet: false })));
  it('markdown', () => golden('seed/denuke.md', renderExport(article, 'md')));
  it('text', () => golden('seed/denuke.txt', renderExport(article, 'txt')));
});

describe('golden files for a synthetic article with every field and node type', () => {
  const article = fullArticle();
  it('fragment', () => golden('full/full.fragment.html', renderExport(article, 'fragment')));
  it('standalone', () => {
    const html = renderExport(article, 'html');
    golden('full/full.html', html);
    expect(auditHtml(html, { allowJsonLd: true }).problems).toEqual([]);
  });
  it('markdown', () => golden('full/full.md', renderExport(article, 'md')));
  it('text', () => golden('full/full.txt', renderExport(article, 'txt')));
});
