// Test support: a tiny synthetic wire format, so the archive's identity,
// version, kill and metadata rules can be tested before (and independently of)
// the real format parsers. A file is the line `#copydesk-test-item` followed by
// JSON: one item or an array of items, each
// `{key?, fields, paragraphs, identity?}`. Register it with
// `registerParser(testItemParser)`; write files with `itemFile(...)`.
import { bodyFromParagraphs } from '../../../../shared/editor/build.ts';
import type { ArticleFields } from '../../../../shared/model/article.ts';
import { FileRefused, type ItemIdentity, type ParsedArticle, type Parser } from '../parsers/types.ts';

export const TEST_ITEM_MAGIC = '#copydesk-test-item';

export interface TestItem {
  key?: string;
  fields: Partial<ArticleFields>;
  paragraphs: string[];
  identity?: ItemIdentity;
}

export const testItemParser: Parser = {
  name: 'test-item',
  detect(input) {
    return input.head.startsWith(TEST_ITEM_MAGIC) ? 0.99 : 0;
  },
  parse(input) {
    let value: unknown;
    try {
      value = JSON.parse(input.text.slice(TEST_ITEM_MAGIC.length));
    } catch (error) {
      throw new FileRefused(`test item: ${(error as Error).message}`);
    }
    const items = (Array.isArray(value) ? value : [value]) as TestItem[];
    return items.map(
      (item): ParsedArticle => ({
        ...(item.key !== undefined ? { key: item.key } : {}),
        fields: item.fields,
        body: bodyFromParagraphs(item.paragraphs),
        ...(item.identity ? { identity: item.identity } : {}),
        flags: [],
        zoneAssumed: false,
      }),
    );
  },
};

/** The text of a test item file. */
export function itemFile(items: TestItem | TestItem[]): string {
  return `${TEST_ITEM_MAGIC}\n${JSON.stringify(items, null, 1)}\n`;
}

/** A wire item with an identity: `dpa` item `id`, version `version`, and whatever fields are given. */
export function wireItem(id: string, version: number | null, headline: string, paragraphs: string[], fields: Partial<ArticleFields> = {}, provider = 'dpa'): TestItem {
  return { fields: { headline, provider, ...fields }, paragraphs, identity: { provider, id, version } };
}
