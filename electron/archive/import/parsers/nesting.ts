// Markup nested absurdly deep (tens of thousands of <div> or <b> levels: a
// broken generator, or a hostile file) costs htmlparser2 quadratic time — its
// open-element stack grows at the front — and would overflow any recursive
// reader. Before parsing, tags nested deeper than MAX_PARSE_DEPTH are removed
// from the text (their text stays, in place), so the parser and everything
// after it see a bounded tree. Real pages nest a few dozen levels; files
// under the limit are returned untouched.
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

export const MAX_PARSE_DEPTH = 1000;

// htmlparser2's own rules (Parser.js), so our depth follows the tree it will
// build: void elements never nest, and some opening tags close the element on
// top of the stack first (a <p> ends an open <p>, an <li> an open <li>, …).
/** Removed tags become a space (so words of sibling blocks do not run together), except inline formatting. */
const INLINE = new Set(['a', 'abbr', 'b', 'big', 'cite', 'code', 'del', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'tt', 'u']);
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const P = ['p'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>(
  (
    [
      ['tr', ['tr', 'th', 'td']], ['th', ['th']], ['td', ['thead', 'th', 'td']], ['body', ['head', 'link', 'script']], ['a', ['a']], ['li', ['li']],
      ['p', P], ['h1', HEADINGS], ['h2', HEADINGS], ['h3', HEADINGS], ['h4', HEADINGS], ['h5', HEADINGS], ['h6', HEADINGS],
      ['select', FORM], ['input', FORM], ['output', FORM], ['button', FORM], ['datalist', FORM], ['textarea', FORM],
      ['option', ['option']], ['optgroup', ['optgroup', 'option']], ['dd', ['dd', 'dt']], ['dt', ['dd', 'dt']],
      ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
        (name) => [name, P] as [string, string[]],
      ),
      ['rt', ['rt', 'rp']], ['rp', ['rt', 'rp']], ['tbody', ['thead', 'tbody']], ['tfoot', ['thead', 'tbody']],
    ] as Array<[string, string[]]>
  ).map(([name, closes]) => [name, new Set(closes)]),
);

export interface CappedMarkup {
  text: string;
  /** True when tags were removed: the article is flagged `deep-nesting`. */
  capped: boolean;
}

/** `text` with every tag nested deeper than `limit` removed (linear time: one tokenizer pass, one join). */
export function capNesting(text: string, xml: boolean, limit = MAX_PARSE_DEPTH): CappedMarkup {
  // Fewer tags than the limit cannot nest beyond it: most files stop here.
  let tags = 0;
  for (let i = text.indexOf('<'); i !== -1 && tags <= limit; i = text.indexOf('<', i + 1)) tags += 1;
  if (tags <= limit) return { text, capped: false };
  const stack: Array<{ name: string; kept: boolean }> = [];
  /** How many of each name are open: a close tag with none open is left to the parser. */
  const open = new Map<string, number>();
  /** [start, end) of the tags to remove, in text order, and what takes their place. */
  const drops: Array<[number, number, string]> = [];
  const gap = (name: string) => (INLINE.has(xml ? name.toLowerCase() : name) ? '' : ' ');
  let pending: { name: string; start: number } | null = null;
  const nameOf = (start: number, end: number) => (xml ? text.slice(start, end) : text.slice(start, end).toLowerCase());
  const pop = () => {
    const top = stack.pop() as { name: string; kept: boolean };
    open.set(top.name, (open.get(top.name) ?? 1) - 1);
    return top;
  };
  const opened = (end: number, selfClosing: boolean) => {
    if (pending === null) return;
    const { name, start } = pending;
    pending = null;
    if ((!xml && VOID.has(name)) || (xml && selfClosing)) return;
    const closes = xml ? undefined : IMPLIES_CLOSE.get(name);
    if (closes) while (stack.length > 0 && closes.has((stack[stack.length - 1] as { name: string }).name)) pop();
    const kept = stack.length < limit;
    if (!kept) drops.push([start, end + 1, gap(name)]);
    stack.push({ name, kept });
    open.set(name, (open.get(name) ?? 0) + 1);
  };
  const noop = () => undefined;
  const callbacks: TokenizerCallbacks = {
    onopentagname: (start, end) => {
      pending = { name: nameOf(start, end), start: text.lastIndexOf('<', start) };
    },
    onopentagend: (end) => opened(end, false),
    onselfclosingtag: (end) => opened(end, true),
    onclosetag: (start, end) => {
      const name = nameOf(start, end);
      if ((open.get(name) ?? 0) === 0) return;
      let top = pop();
      while (top.name !== name) top = pop();
      if (!top.kept) {
        const close = text.indexOf('>', end);
        drops.push([text.lastIndexOf('<', start), close === -1 ? text.length : close + 1, gap(name)]);
      }
    },
    onattribdata: noop,
    onattribentity: noop,
    onattribend: noop,
    onattribname: noop,
    oncdata: noop,
    oncomment: noop,
    ondeclaration: noop,
    onend: noop,
    onprocessinginstruction: noop,
    ontext: noop,
    ontextentity: noop,
  };
  const tokenizer = new Tokenizer({ xmlMode: xml, decodeEntities: false }, callbacks);
  tokenizer.write(text);
  tokenizer.end();
  if (drops.length === 0) return { text, capped: false };
  const parts: string[] = [];
  let at = 0;
  for (const [start, end, replacement] of drops) {
    parts.push(text.slice(at, start), replacement);
    at = end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), capped: true };
}
