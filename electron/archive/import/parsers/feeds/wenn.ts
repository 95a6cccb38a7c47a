// WENN's entertainment wire is an Atom feed whose entries carry the story in
// WENN's own namespace (wenn_cm:ContentMetadata: title, first_line, body,
// slug, tags; wenn_nm:NewsManagement: section, dates), while atom:content may
// hold only a placeholder. When the extension is there, it is the story.
import { kid, kids, attr, text } from '../xml/query.ts';
import { distinct } from '../xml/text.ts';
import type { XmlElement } from '../xml/tree.ts';
import { textOf, type HtmlNode } from '../htmlBlocks.ts';
import type { FeedEntry } from './entry.ts';

const CM = 'http://feed.wenn.com/xmlns/2010/03/wenn_cm';
const NM = 'http://feed.wenn.com/xmlns/2010/03/wenn_nm';

export function wennEntry(entry: XmlElement, base: FeedEntry): FeedEntry | null {
  const cm = kid(entry, 'ContentMetadata', CM);
  if (!cm) return null;
  const nm = kid(entry, 'NewsManagement', NM);
  const raw = (local: string) => {
    const el = kid(cm, local, CM);
    return el ? textOf(el as HtmlNode, true).trim() : '';
  };
  const story = [raw('first_line'), raw('body')].filter((t) => t !== '').join('\n\n');
  return {
    ...base,
    title: text(kid(cm, 'title', CM)) || base.title,
    content: story !== '' ? { text: story } : base.content,
    posted: text(kid(nm, 'published', NM)) || base.posted,
    updated: text(kid(nm, 'updated', NM)) || base.updated,
    language: attr(cm, 'lang') || base.language,
    extra: {
      slugline: text(kid(cm, 'slug', CM)).replace(/^\((.*)\)$/u, '$1'),
      section: text(kid(nm, 'feedarticle_section', NM)),
      keywords: distinct(kids(kid(cm, 'tags', CM), 'tag', CM).map((t) => attr(t, 'value'))),
      provider: 'WENN',
    },
  };
}
