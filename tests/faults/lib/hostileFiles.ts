// Family 9's input: the export issue's XSS corpus (electron/archive/export/
// xssCorpus.ts) written as files the importer takes — HTML (payload raw and as
// escaped text), Markdown, plain text and NITF — plus files whose NAMES are
// payloads (the import report shows them). Every payload also comes in a
// variant that calls the page's probe `__pwned()` instead of alert(1).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XSS_STRINGS, XSS_URLS } from '../../../electron/archive/export/xssCorpus.ts';
import { parseXml } from '../../../electron/archive/import/parsers/xml/tree.ts';

export const PROBE_CALL = '__pwned()';

export const HOSTILE_PAYLOADS: readonly string[] = [
  ...XSS_STRINGS,
  ...XSS_STRINGS.filter((s) => s.includes('alert(1)')).map((s) => s.replaceAll('alert(1)', PROBE_CALL)),
];
export const HOSTILE_URLS: readonly string[] = [...XSS_URLS, ...XSS_URLS.filter((u) => u.includes('alert(1)')).map((u) => u.replaceAll('alert(1)', PROBE_CALL))];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
// XML 1.0 cannot carry NUL and most C0 controls even escaped; the NITF files drop them (the others keep them).
/**
 * NITF is XML: a payload that is not well-formed markup cannot stand in it raw (such a file fails as
 * malformed, with its position: importer tests cover that). Well-formed payloads go in raw, the rest escaped.
 */
const asNitfMarkup = (s: string): string => {
  try {
    parseXml(`<block>${s}</block>`);
    return s;
  } catch {
    return escapeXml(s);
  }
};
const xmlSafe = (s: string) =>
  Array.from(s)
    .filter((c) => c.charCodeAt(0) >= 0x20 || c === '\t' || c === '\n' || c === '\r')
    .join('');

/** File names that are payloads themselves (no '/' or NUL: the file system refuses those). */
const HOSTILE_NAMES = ['<img src=x onerror=__pwned()>.txt', '"><svg onload=__pwned()>.md', "'-__pwned()-'.html", '<script>__pwned()<\\script>.txt', 'javascript:__pwned().txt'];

export interface HostileFiles {
  dir: string;
  files: number;
  byFormat: Record<string, number>;
}

export function writeHostileFiles(dir: string): HostileFiles {
  mkdirSync(dir, { recursive: true });
  const byFormat: Record<string, number> = { html: 0, 'html-escaped': 0, md: 0, txt: 0, nitf: 0, 'hostile-name': 0 };
  const put = (name: string, kind: string, text: string) => {
    writeFileSync(join(dir, name), text);
    byFormat[kind] = (byFormat[kind] ?? 0) + 1;
  };
  HOSTILE_PAYLOADS.forEach((p, i) => {
    const url = HOSTILE_URLS[i % HOSTILE_URLS.length] ?? '';
    put(
      `page-${i}.html`,
      'html',
      `<!DOCTYPE html><html><head><title>Page ${i} ${p}</title><meta name="author" content="${p}"><meta name="description" content='${p}'>` +
        `<meta property="article:section" content="${p}">${p}</head><body><article><h1>Page ${i} ${p}</h1>` +
        `<p>${p}</p><h2>${p}</h2><ul><li>${p}</li></ul><blockquote>${p}</blockquote>` +
        `<p><a href="${url}">link ${p}</a> <a href='${p}'>second</a></p></article></body></html>`,
    );
    // The payload as TEXT: the article then holds `<script>…` literally, the hardest case for every view and export.
    const e = escapeXml(p);
    put(
      `text-in-html-${i}.html`,
      'html-escaped',
      `<!DOCTYPE html><html><head><title>Escaped ${i} ${e}</title><meta name="author" content="${e}"></head><body><article><h1>Escaped ${i} ${e}</h1>` +
        `<p>${e}</p><p><a href="${escapeXml(url)}">${e}</a></p><pre>${e}</pre></article></body></html>`,
    );
    put(`note-${i}.md`, 'md', `---\ntitle: ${JSON.stringify(`Note ${i} ${p}`)}\nbyline: ${JSON.stringify(p)}\ntags: [${JSON.stringify(p)}]\n---\n\n${p}\n\n[x](${url}) <${url}>\n\n\`${p}\`\n`);
    put(`text-${i}.txt`, 'txt', `Text ${i} ${p}\n\n${p}\n\n${url}\n`);
    const x = escapeXml(xmlSafe(p));
    put(
      `wire-${i}.nitf`,
      'nitf',
      `<?xml version="1.0" encoding="UTF-8"?>\n<nitf><head><title>Wire ${i} ${x}</title><docdata><key-list><keyword key="${x}"/></key-list></docdata>` +
        `<pubdata date.publication="20240105T120000Z" position.section="${x}"/></head><body><body.head><hedline><hl1>Wire ${i} ${x}</hl1><hl2>${x}</hl2></hedline>` +
        `<byline>By ${x}</byline><dateline><location>${x}</location></dateline></body.head><body.content><p>${x}</p>` +
        `<p><a href="${escapeXml(xmlSafe(url))}">${x}</a></p><block>${asNitfMarkup(xmlSafe(p).replace(/]]>/g, ''))}</block></body.content></body></nitf>\n`,
    );
  });
  HOSTILE_NAMES.forEach((name, i) => put(name, 'hostile-name', `Hostile name ${i}\n\nThis file's name is a payload: ${name}\n`));
  return { dir, files: Object.values(byFormat).reduce((a, b) => a + b, 0), byFormat };
}

/** What the browser half (families/hostileContentChild.ts) reports back. */
export interface ChildFigures {
  imported: number;
  importSummary: string;
  /** Report rows of files that did not become articles: "name: outcome (reason)". */
  notImported: string[];
  /** What the probe saw on a page built to trip it (must be 2 executions, ≥ 1 CSP violation). */
  probeSelfTest: { executions: number; csp: number };
  articles: number;
  views: Record<string, number>;
  exportsWritten: Record<string, number>;
  exportsChecked: Record<string, number>;
  executions: string[];
  dialogs: string[];
  /** securitypolicyviolation events seen by the probe. */
  csp: string[];
  /** CSP refusals Chromium printed on the console (also where setContent dropped the probe's listener). */
  cspConsole: string[];
  openedOutside: string[];
  pageErrors: string[];
  seconds: Record<string, number>;
}
