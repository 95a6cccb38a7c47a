// Test support: what must never reach an article. A headline or body that
// still holds tags, an XML declaration, CDATA, escaped entities, a JSON
// envelope or wire control codes means a parser read the file's markup as
// text. Every format's tests run their articles through this.
import type { ArticleFields } from '../../../../shared/model/article.ts';
import type { BodyState } from '../../../../shared/editor/serialized.ts';
import { bodyToPlainText } from '../../../../shared/editor/plainText.ts';

const CHECKS: ReadonlyArray<readonly [RegExp, string]> = [
  [/<\?xml/iu, 'an XML declaration'],
  [/<!\[CDATA\[/u, 'a CDATA section'],
  [/<!DOCTYPE/iu, 'a doctype'],
  [/<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>/u, 'a tag'],
  [/&(?:[A-Za-z][A-Za-z0-9]{1,9}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});/u, 'an escaped entity'],
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  [/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u, 'a control character'],
];

const TEXT_FIELDS = ['headline', 'dek', 'byline', 'dateline', 'slugline', 'editorNote', 'creditLine', 'copyrightHolder'] as const;

/** Problems found, as `field: what (excerpt)`; empty when the article is clean. */
export function markupLeaks(article: { fields: Partial<ArticleFields>; body: BodyState }): string[] {
  const problems: string[] = [];
  const look = (where: string, value: string) => {
    for (const [pattern, what] of CHECKS) {
      const m = pattern.exec(value);
      if (m) problems.push(`${where}: ${what} (${JSON.stringify(value.slice(Math.max(0, m.index - 20), m.index + 40))})`);
    }
  };
  for (const name of TEXT_FIELDS) {
    const value = article.fields[name];
    if (typeof value === 'string') look(name, value);
  }
  const headline = article.fields.headline ?? '';
  if (/^\s*[{[]/u.test(headline)) problems.push(`headline: starts like a JSON document (${JSON.stringify(headline.slice(0, 40))})`);
  look('body', bodyToPlainText(article.body));
  return problems;
}
