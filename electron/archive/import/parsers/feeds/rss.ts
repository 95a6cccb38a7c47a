// RSS 2.0 (<rss><channel><item>) and RSS 1.0 (<rdf:RDF> with items beside the
// channel): one article per item, key and identity its guid (else its link),
// scoped by the channel's host. content:encoded is the full text; description
// the summary; dc:creator (or author) the byline; category the publisher's tags.
import type { Parser } from '../types.ts';
import { readXml } from '../xml/document.ts';
import { attr, kid, kids, text } from '../xml/query.ts';
import { htmlText } from '../xml/text.ts';
import { declaresNamespace, xmlRoot } from '../xml/sniff.ts';
import { NS, type XmlElement } from '../xml/tree.ts';
import { textOf, type HtmlNode } from '../htmlBlocks.ts';
import { FileRefused } from '../types.ts';
import { type FeedContext, type FeedEntry, entryArticle, hostOf, uniqueKeys } from './entry.ts';

export const rssParser: Parser = {
  name: 'rss',
  detect(input) {
    const root = xmlRoot(input);
    if (root?.local === 'rss') return 0.95;
    // RSS 1.0: an RDF document in RSS 1.0's vocabulary.
    return root?.local === 'RDF' && root.namespace === NS.rdf && declaresNamespace(root, NS.rss1) ? 0.95 : 0;
  },
  parse(input) {
    const { root, flags } = readXml(input, root1(input.head));
    const channel = kid(root, 'channel');
    if (!channel) throw new FileRefused(`not RSS: <${root.name}> holds no <channel>`);
    // RSS 2.0 items sit in the channel, RSS 1.0 items beside it.
    const items = root.name === 'rss' ? kids(channel, 'item') : kids(root, 'item');
    const link = text(kid(channel, 'link'));
    const ctx: FeedContext = {
      provider: hostOf(link) || hostOf(text(kid(items[0], 'link'))),
      language: text(kid(channel, 'language')) || text(kid(channel, 'language', NS.dc)) || attr(root, 'xml:lang'),
      zone: input.zone,
      flags,
    };
    if (items.length === 0) throw new FileRefused(`no text found: the RSS feed ${JSON.stringify(text(kid(channel, 'title')))} has no items`);
    return uniqueKeys(items.map((item) => entryArticle(rssEntry(item, link), ctx)));
  },
};

function root1(head: string): string {
  return /<rdf:RDF/u.test(head) ? 'RSS 1.0' : 'RSS';
}

/** An element's raw text (CDATA and entities decoded, whitespace kept): HTML inside RSS is text, not markup. */
function raw(el: XmlElement | null): string {
  return el ? textOf(el as HtmlNode, true).trim() : '';
}

export function rssEntry(item: XmlElement, channelLink: string): FeedEntry {
  const guid = text(kid(item, 'guid'));
  const link = text(kid(item, 'link'));
  const content = raw(kid(item, 'encoded', NS.content));
  const description = raw(kid(item, 'description'));
  const creators = kids(item, 'creator', NS.dc).map(text);
  // <author>editor@example.com (Jane Doe)</author>: the name in parentheses, else the address.
  const author = text(kid(item, 'author')).replace(/^\S+@\S+\s*\((.+)\)$/u, '$1');
  return {
    id: guid || link || attr(item, 'rdf:about'),
    title: htmlText(raw(kid(item, 'title'))),
    content: content !== '' ? { html: content } : null,
    summary: description !== '' ? { html: description } : null,
    authors: creators.length > 0 ? creators : author !== '' ? [author] : [],
    posted: text(kid(item, 'pubDate')) || text(kid(item, 'date', NS.dc)),
    updated: text(kid(item, 'updated')) || text(kid(item, 'modified', NS.dcterms)),
    categories: [...kids(item, 'category'), ...kids(item, 'subject', NS.dc)].map(text),
    language: text(kid(item, 'language', NS.dc)) || attr(item, 'xml:lang'),
    base: link || channelLink,
  };
}
