// markdown-it's inline tokens to Lexical text, line-break and link nodes.
// Formats: bold, italic, strikethrough, code, and the inline HTML that
// carries them (<b>, <em>, <br>, …). Only http(s)/mailto targets stay links;
// an unsafe link keeps its text. An image becomes its alt text linked to the
// image (never a stray "!"). Raw HTML is never text: its tags are read as
// formatting or dropped, and script/style content is dropped with them.
import type { Token } from 'markdown-it';
import { lineBreak, linkNode, textNode } from '../../../../../shared/editor/build.ts';
import { TEXT_FORMAT } from '../../../../../shared/editor/serialized.ts';
import type { InlineNode, SerializedText } from '../../../../../shared/editor/serialized.ts';
import { safeUrl } from '../inline.ts';

const TAG_FORMATS: Record<string, number> = {
  b: TEXT_FORMAT.bold, strong: TEXT_FORMAT.bold, i: TEXT_FORMAT.italic, em: TEXT_FORMAT.italic, cite: TEXT_FORMAT.italic,
  u: TEXT_FORMAT.underline, s: TEXT_FORMAT.strikethrough, del: TEXT_FORMAT.strikethrough, strike: TEXT_FORMAT.strikethrough,
  code: TEXT_FORMAT.code, kbd: TEXT_FORMAT.code, tt: TEXT_FORMAT.code, sub: TEXT_FORMAT.subscript, sup: TEXT_FORMAT.superscript,
};
const TOKEN_FORMATS: Record<string, number> = { strong: TEXT_FORMAT.bold, em: TEXT_FORMAT.italic, s: TEXT_FORMAT.strikethrough };
/** Elements whose content is never text. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title', 'iframe', 'object', 'svg', 'math']);
const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]$/u;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

interface State {
  out: InlineNode[];
  /** Open formats, innermost last (Markdown delimiters and HTML tags alike). */
  formats: number[];
  /** An open link: its target (null when unsafe) and the text nodes gathered for it. */
  link: { url: string | null; children: SerializedText[] } | null;
  /** Inside <script>, <style>, …: the tag that ends it. */
  hidden: string | null;
}

export function inlineNodes(tokens: readonly Token[]): InlineNode[] {
  const s: State = { out: [], formats: [], link: null, hidden: null };
  tokens.forEach((t, i) => {
    if (s.hidden !== null) {
      if (t.type === 'html_inline' && tagOf(t.content)?.close && tagOf(t.content)?.name === s.hidden) s.hidden = null;
      return;
    }
    switch (t.type) {
      case 'text':
        pushText(s, t.content);
        break;
      case 'code_inline':
        pushText(s, t.content, TEXT_FORMAT.code);
        break;
      case 'softbreak': {
        // A wrapped line joins with a space, except between CJK characters.
        const next = tokens[i + 1];
        const prev = lastText(s);
        pushText(s, CJK_END.test(prev) && next?.type === 'text' && CJK_START.test(next.content) ? '' : ' ');
        break;
      }
      case 'hardbreak':
        if (s.link) pushText(s, ' ');
        else s.out.push(lineBreak());
        break;
      case 'link_open':
        openLink(s, String(t.attrGet('href') ?? ''));
        break;
      case 'link_close':
        closeLink(s);
        break;
      case 'image':
        image(s, t);
        break;
      case 'html_inline':
        html(s, t.content);
        break;
      default: {
        const format = TOKEN_FORMATS[t.tag] ?? TOKEN_FORMATS[t.type.replace(/_(?:open|close)$/u, '')];
        if (format === undefined) break;
        if (t.nesting === 1) s.formats.push(format);
        else if (t.nesting === -1) s.formats.pop();
      }
    }
  });
  if (s.link) closeLink(s);
  return trim(s.out);
}

function format(s: State): number {
  return s.formats.reduce((a, f) => a | f, 0);
}

function pushText(s: State, text: string, extra = 0): void {
  if (text === '') return;
  const f = format(s) | extra;
  const target: InlineNode[] = s.link ? s.link.children : s.out;
  const prev = target[target.length - 1];
  if (prev?.type === 'text' && prev.format === f) prev.text += text;
  else target.push(textNode(text, f));
}

function lastText(s: State): string {
  const target: InlineNode[] = s.link ? s.link.children : s.out;
  const prev = target[target.length - 1];
  return prev?.type === 'text' ? prev.text : '';
}

function openLink(s: State, href: string): void {
  if (s.link) closeLink(s);
  s.link = { url: safeUrl(href), children: [] };
}

/** A link with a safe target and some text; otherwise its text alone. */
function closeLink(s: State): void {
  const link = s.link;
  if (!link) return;
  s.link = null;
  const children = link.children.filter((c) => c.text !== '');
  if (link.url && children.some((c) => c.text.trim() !== '')) s.out.push(linkNode(link.url, children));
  else for (const c of children) pushText(s, c.text, c.format & ~format(s));
}

/** `![alt](src)`: the alt text, linked to the image when its address is safe; inside a link, the alt text alone. */
function image(s: State, t: Token): void {
  const alt = (t.children ?? []).map((c) => (c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.content)).join('').trim();
  const src = String(t.attrGet('src') ?? '');
  const url = safeUrl(src);
  if (s.link) {
    pushText(s, alt);
    return;
  }
  const label = alt || (url ?? '');
  if (label === '') return;
  if (url) s.out.push(linkNode(url, [textNode(label, format(s))]));
  else pushText(s, label);
}

function tagOf(raw: string): { name: string; close: boolean; attrs: string } | null {
  const m = /^<\s*(\/)?\s*([a-zA-Z][\w:-]*)([^>]*)>$/su.exec(raw.trim());
  return m ? { close: m[1] === '/', name: (m[2] as string).toLowerCase(), attrs: m[3] ?? '' } : null;
}

/** Inline HTML: formatting tags open and close formats, <br> breaks the line, <a href> links; everything else is dropped. */
function html(s: State, raw: string): void {
  const tag = tagOf(raw);
  if (!tag) return; // a comment, a declaration, a processing instruction
  if (HIDDEN.has(tag.name)) {
    if (!tag.close && !/\/\s*$/u.test(tag.attrs)) s.hidden = tag.name;
    return;
  }
  if (tag.name === 'br') {
    if (s.link) pushText(s, ' ');
    else s.out.push(lineBreak());
    return;
  }
  if (tag.name === 'a') {
    if (tag.close) closeLink(s);
    else openLink(s, /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/iu.exec(tag.attrs)?.slice(1).find((v) => v !== undefined) ?? '');
    return;
  }
  const f = TAG_FORMATS[tag.name];
  if (f === undefined) return;
  if (!tag.close) s.formats.push(f);
  else {
    const at = s.formats.lastIndexOf(f);
    if (at >= 0) s.formats.splice(at, 1);
  }
}

/** No leading or trailing spaces or line breaks. */
function trim(nodes: InlineNode[]): InlineNode[] {
  const out = [...nodes];
  const blank = (n: InlineNode | undefined) => n !== undefined && (n.type === 'linebreak' || (n.type === 'text' && n.text.trim() === ''));
  while (blank(out[0])) out.shift();
  while (blank(out[out.length - 1])) out.pop();
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, text: first.text.replace(/^\s+/u, '') };
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { ...last, text: last.text.replace(/\s+$/u, '') };
  return out;
}
