// Hostile content that arrives through the importer (HTML pages, Markdown and
// text files full of XSS payloads) exports with nothing that can run.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../archive.ts';
import { importPaths } from '../import/importer.ts';
import { auditHtml } from './audit.ts';
import { exportArticles } from './exporter.ts';
import { XSS_STRINGS, XSS_URLS } from './xssCorpus.ts';

let dir: string;
let archive: Archive;
let ids: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-hostile-import-'));
  archive = Archive.open(join(dir, 'a.sqlite'));
  const src = join(dir, 'src');
  mkdirSync(src);
  XSS_STRINGS.forEach((payload, i) => {
    const url = XSS_URLS[i % XSS_URLS.length] ?? '';
    writeFileSync(
      join(src, `page-${i}.html`),
      `<!DOCTYPE html><html><head><title>${payload}</title><meta name="author" content="${payload}"><meta name="description" content='${payload}'>` +
        `<meta property="article:section" content="${payload}">${payload}</head><body><article><h1>Page ${i} ${payload}</h1>` +
        `<p>${payload}</p><h2>${payload}</h2><ul><li>${payload}</li></ul><blockquote>${payload}</blockquote>` +
        `<p><a href="${url}">link ${payload}</a> <a href='${payload}'>second</a></p></article></body></html>`,
    );
    writeFileSync(join(src, `note-${i}.md`), `---\ntitle: ${JSON.stringify(`Note ${i} ${payload}`)}\nbyline: ${JSON.stringify(payload)}\ntags: [${JSON.stringify(payload)}]\n---\n\n${payload}\n\n[x](${url}) <${url}>\n`);
    writeFileSync(join(src, `text-${i}.txt`), `Text ${i} ${payload}\n\n${payload}\n\n${url}\n`);
  });
  const report = await importPaths(archive, [src], { timezone: 'UTC', onDuplicate: 'keep-both' });
  ids = report.files.flatMap((f) => (f.articleId ? [f.articleId] : []));
}, 120_000);

afterAll(() => {
  archive.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('XSS payloads entered through import', () => {
  it('imports most of the hostile files (the test is about export, but it needs articles)', () => {
    expect(ids.length).toBeGreaterThan(XSS_STRINGS.length * 2);
  });

  it.each(['html', 'fragment'] as const)('exports them as %s with nothing executable', (format) => {
    const out = join(dir, `out-${format}`);
    const report = exportArticles(archive, ids, { outDir: out, format, recordRevisions: false });
    expect(report.failed).toBe(0);
    for (const f of report.files) {
      const html = readFileSync(join(out, f.file ?? ''), 'utf8');
      const audit = auditHtml(html, { allowJsonLd: format === 'html' });
      expect(audit.problems, f.file ?? '').toEqual([]);
      if (format === 'html') {
        expect(audit.jsonLd).toHaveLength(1);
        expect((JSON.parse(audit.jsonLd[0] ?? '') as { '@type': string })['@type']).toBe('NewsArticle');
      }
    }
  });

  it('exports them as Markdown with every < escaped outside link destinations', () => {
    const out = join(dir, 'out-md');
    const report = exportArticles(archive, ids, { outDir: out, format: 'md', recordRevisions: false });
    for (const f of report.files) {
      const md = readFileSync(join(out, f.file ?? ''), 'utf8');
      const body = md.slice(md.indexOf('\n---\n', 4) + 5).replace(/\]\(<[^<>\n]*>\)/g, '](url)');
      expect(body, f.file ?? '').not.toMatch(/(^|[^\\])</);
    }
  });
});
