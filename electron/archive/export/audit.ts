// An independent check of finished export HTML, by parsing (htmlparser2), not
// by pattern: it reports anything that could run or load, and markup that is
// not well formed. The tests run it over every generated export; it shares no
// code with the serializer or the sanitizer on purpose.
import { Parser } from 'htmlparser2';

const FORBIDDEN_TAGS = new Set([
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea', 'select',
  'base', 'link', 'img', 'video', 'audio', 'source', 'svg', 'math', 'template', 'noscript', 'portal', 'param',
]);
const VOID = new Set(['br', 'hr', 'meta', 'img', 'input', 'link', 'base', 'area', 'col', 'embed', 'source', 'track', 'wbr', 'param']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'srcset', 'ping']);

export interface AuditResult {
  problems: string[];
  /** Text of each <script type="application/ld+json"> element. */
  jsonLd: string[];
  /** Tag names seen, in order of first appearance. */
  tags: string[];
}

export function auditHtml(html: string, options: { allowJsonLd: boolean }): AuditResult {
  const problems: string[] = [];
  const jsonLd: string[] = [];
  const tags = new Set<string>();
  const stack: string[] = [];
  let scriptText: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        tags.add(name);
        if (!VOID.has(name)) stack.push(name);
        if (FORBIDDEN_TAGS.has(name)) problems.push(`forbidden element <${name}>`);
        if (name === 'script') {
          const onlyType = Object.keys(attribs).length === 1 && attribs.type === 'application/ld+json';
          if (!options.allowJsonLd || !onlyType || stack[stack.length - 2] !== 'head') problems.push('script element');
          scriptText = '';
        }
        if (name === 'meta' && attribs['http-equiv'] !== undefined && attribs['http-equiv'] !== 'Content-Security-Policy')
          problems.push(`meta http-equiv=${attribs['http-equiv']}`);
        for (const [key, value] of Object.entries(attribs)) {
          const k = key.toLowerCase();
          if (k.startsWith('on')) problems.push(`event handler attribute ${key}`);
          if (k === 'style') problems.push('style attribute');
          if (k === 'class') problems.push('class attribute');
          if (k === 'srcdoc') problems.push('srcdoc attribute');
          // Browsers ignore controls and spaces around and inside a scheme; so does this check.
          // eslint-disable-next-line no-control-regex
          if (URL_ATTRIBUTES.has(k) && !/^(?:https?:|mailto:|tel:)/i.test(value.replace(/[\u0000-\u0020]/g, '')))
            problems.push(`${key}=${JSON.stringify(value)} is not an allowed absolute URL`);
          // eslint-disable-next-line no-control-regex
          if (/^\s*(?:javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u001F]/g, ''))) problems.push(`${key} holds a script URL`);
        }
        if (name === 'a' && /^https?:/i.test(attribs.href ?? '') && attribs.rel !== 'noopener noreferrer')
          problems.push('external link without rel="noopener noreferrer"');
      },
      ontext(text) {
        if (scriptText !== null) scriptText += text;
      },
      onclosetag(name, isImplied) {
        if (VOID.has(name)) return;
        if (isImplied) problems.push(`<${name}> not closed`);
        const top = stack.pop();
        if (top !== name) problems.push(`</${name}> closes <${top ?? 'nothing'}>`);
        if (name === 'script' && scriptText !== null) {
          jsonLd.push(scriptText);
          scriptText = null;
        }
      },
      oncomment() {
        problems.push('comment');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  if (stack.length > 0) problems.push(`unclosed ${stack.join(' > ')}`);
  return { problems, jsonLd, tags: [...tags] };
}
