// NITF 3.x (IPTC News Industry Text Format): hedline (hl1 headline, hl2 dek),
// byline, dateline, docdata dates and keywords, pubdata, body.content.
import { parseDocument } from 'htmlparser2';
import { bodyState } from '../../../../shared/editor/build.ts';
import { collapseSpaces } from '../text.ts';
import { guessLanguage, resolveDates } from './dates.ts';
import { blocksFromHtml, type HtmlElement, type HtmlNode, isElement, textOf } from './htmlBlocks.ts';
import { capNesting } from './nesting.ts';
import type { ParsedArticle, ParseInput, Parser } from './types.ts';

export const nitfParser: Parser = {
  name: 'nitf',
  detect(input) {
    const { head } = input;
    const isNitf = /<nitf[\s>]/u.test(head);
    if (isNitf) return 0.95;
    return input.ext === 'nitf' ? 0.6 : 0;
  },
  parse(input) {
    return [parseNitf(input)];
  },
};

export function parseNitf(input: ParseInput): ParsedArticle {
  const markup = capNesting(input.text, true);
  const doc = parseDocument(markup.text, { xmlMode: true, decodeEntities: true });
  const els = elements(doc.children);
  const first = (name: string) => els.find((e) => e.name === name);
  const text = (name: string) => {
    const el = first(name);
    return el ? collapseSpaces(textOf(el)) : '';
  };
  const attr = (name: string, key: string) => first(name)?.attribs[key]?.trim() || null;
  const headline = text('hl1') || text('title');
  const dek = els.find((e) => e.name === 'hl2') ? text('hl2') : text('abstract');
  const byline = text('byline').replace(/^by\s+/iu, '');
  const dateline = first('location') ? text('location') : text('dateline');
  const posted = attr('pubdata', 'date.publication') ?? attr('date.issue', 'norm') ?? attr('date.release', 'norm') ?? attr('story.date', 'norm');
  const updated = attr('date.release', 'norm') !== posted ? attr('date.release', 'norm') : null;
  const dates = resolveDates(input.zone, posted, updated);
  const tags = els.filter((e) => e.name === 'keyword').map((e) => e.attribs.key?.trim() ?? '').filter((t) => t !== '');
  const section = attr('pubdata', 'position.section') ?? attr('tobject.subject', 'tobject.subject.type') ?? '';
  const content = first('body.content');
  const blocks = content ? blocksFromHtml(content.children) : [];
  const lang = first('nitf')?.attribs['xml:lang'] ?? first('body')?.attribs['xml:lang'];
  const flags = [...(blocks.length === 0 ? ['no-body'] : []), ...(markup.capped ? ['deep-nesting'] : [])];
  return {
    fields: { headline, dek, byline, dateline, section, tags, language: lang ?? guessLanguage(headline + textOf(content ?? doc)), ...dates.fields },
    body: bodyState(blocks),
    flags,
    ...(blocks.length === 0 ? { note: 'no body.content' } : {}),
    zoneAssumed: dates.zoneAssumed,
  };
}

/** Every element in document order (iterative: the tree may be deep). */
function elements(nodes: readonly HtmlNode[]): HtmlElement[] {
  const out: HtmlElement[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as HtmlNode;
    if (!isElement(n)) continue;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i -= 1) stack.push(n.children[i] as HtmlNode);
  }
  return out;
}
