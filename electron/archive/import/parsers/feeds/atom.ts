// Atom 1.0 (RFC 4287): a <feed> of entries, or a lone <entry>. One article
// per entry, identity its atom:id scoped by the feed's host. Text constructs
// honour their type (text, html, xhtml); content with a src (out of line) is
// not text. Wire extensions are read where a feed carries them (wenn.ts).
import { FileRefused, type Parser } from '../types.ts';
import { blocksFromNodes } from '../xml/blocks.ts';
import { readXml } from '../xml/document.ts';
import { attr, kid, kids, langOf, qcode, text } from '../xml/query.ts';
import { cleanField, htmlText } from '../xml/text.ts';
import { xmlRoot } from '../xml/sniff.ts';
import { NS, type XmlElement } from '../xml/tree.ts';
import { textOf, type HtmlNode } from '../htmlBlocks.ts';
import { type FeedBody, type FeedContext, type FeedEntry, entryArticle, hostOf, uniqueKeys } from './entry.ts';
import { wennEntry } from './wenn.ts';

export const atomParser: Parser = {
  name: 'atom',
  detect(input) {
    const root = xmlRoot(input);
    return (root?.local === 'feed' || root?.local === 'entry') && root.namespace === NS.atom ? 0.95 : 0;
  },
  parse(input) {
    const { root, flags } = readXml(input, 'Atom');
    const entries = root.name === 'entry' ? [root] : kids(root, 'entry', NS.atom);
    const feed = root.name === 'feed' ? root : null;
    if (entries.length === 0) throw new FileRefused(`no text found: the Atom feed ${JSON.stringify(textConstruct(kid(feed, 'title', NS.atom)))} has no entries`);
    const feedLink = alternate(feed);
    const ctx: FeedContext = {
      provider: hostOf(feedLink) || authority(text(kid(feed, 'id', NS.atom))) || hostOf(alternate(entries[0] ?? null)),
      language: langOf(feed),
      zone: input.zone,
      flags,
    };
    const feedAuthors = names(feed);
    return uniqueKeys(entries.map((e) => entryArticle(atomEntry(e, feedAuthors, feedLink), ctx)));
  },
};

function atomEntry(entry: XmlElement, feedAuthors: string[], feedLink: string): FeedEntry {
  const link = alternate(entry);
  const content = kid(entry, 'content', NS.atom);
  const authors = names(entry);
  const base: FeedEntry = {
    id: text(kid(entry, 'id', NS.atom)) || link,
    title: textConstruct(kid(entry, 'title', NS.atom)),
    content: body(content),
    summary: body(kid(entry, 'summary', NS.atom)),
    authors: authors.length > 0 ? authors : feedAuthors,
    posted: text(kid(entry, 'published', NS.atom)),
    updated: text(kid(entry, 'updated', NS.atom)),
    categories: kids(entry, 'category', NS.atom).map((c) => attr(c, 'label') || attr(c, 'term')),
    language: langOf(content) || langOf(entry),
    base: attr(content, 'xml:base') || attr(entry, 'xml:base') || link || feedLink,
  };
  return wennEntry(entry, base) ?? base;
}

/** A text construct (title, subtitle) as plain text, by its type. */
export function textConstruct(el: XmlElement | null): string {
  if (!el) return '';
  const type = attr(el, 'type').toLowerCase();
  if (type === 'html') return htmlText(textOf(el as HtmlNode, true));
  return cleanField(textOf(el as HtmlNode));
}

/** content/summary as a body: html (escaped markup), xhtml (a div of elements), text; nothing for out-of-line content. */
function body(el: XmlElement | null): FeedBody | null {
  if (!el || attr(el, 'src') !== '') return null;
  const type = attr(el, 'type').toLowerCase() || 'text';
  if (type === 'html' || type === 'text/html') {
    const html = textOf(el as HtmlNode, true).trim();
    return html === '' ? null : { html };
  }
  if (type === 'xhtml' || type.endsWith('+xml') || type.endsWith('/xml')) {
    const div = kids(el).find((c) => c.name === 'div') ?? el;
    const blocks = blocksFromNodes(div.children);
    return blocks.length === 0 ? null : { blocks };
  }
  if (type === 'text' || type.startsWith('text/')) {
    const t = textOf(el as HtmlNode, true).trim();
    return t === '' ? null : { text: t };
  }
  return null;
}

function names(el: XmlElement | null): string[] {
  return kids(el, 'author', NS.atom).map((a) => text(kid(a, 'name', NS.atom))).filter((n) => n !== '');
}

function alternate(el: XmlElement | null): string {
  const links = kids(el, 'link', NS.atom);
  const alt = links.find((l) => attr(l, 'rel') === '' || attr(l, 'rel') === 'alternate') ?? links[0];
  return attr(alt ?? null, 'href');
}

/** `tag:kottke.org,2009-08-11:05118` → `kottke.org`; `urn:feed-wenn-com:…` → `feed-wenn-com`. */
function authority(id: string): string {
  const tag = /^tag:([^,:]+)/iu.exec(id);
  if (tag) return (tag[1] as string).toLowerCase();
  const { scheme, code } = qcode(id);
  return scheme === 'urn' ? (code.split(':')[0] ?? '').toLowerCase() : hostOf(id);
}

