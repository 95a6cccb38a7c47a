// Test support: fast-check arbitraries for hostile articles — the XSS corpus,
// markup fragments, arbitrary and binary strings in every field and every
// node type, and (for the interchange formats) in every newsroom field.
import fc from 'fast-check';
import * as b from '../../../shared/editor/build.ts';
import type { BlockNode, InlineNode, ListItemNode } from '../../../shared/editor/serialized.ts';
import type { ExportArticle } from '../../../shared/export/types.ts';
import { article } from './fixtures.ts';
import { XSS_STRINGS, XSS_URLS } from './xssCorpus.ts';

export const hostileText = fc.oneof(
  fc.constantFrom(...XSS_STRINGS),
  fc.array(fc.constantFrom(...XSS_STRINGS, '<', '>', '&', '"', "'", '/', 'script', 'on', '=', ' ', '\n', '-->', '</', '!', '\\', '![', 'Wow!'), { maxLength: 8 }).map((p) => p.join('')),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const hostileUrl = fc.oneof(fc.constantFrom(...XSS_URLS), fc.webUrl(), hostileText, hostileText.map((t) => `https://example.com/${t}`));

const inline: fc.Arbitrary<InlineNode> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(hostileText, fc.integer({ min: 0, max: 127 })).map(([t, f]) => b.textNode(t, f)) },
  { weight: 1, arbitrary: fc.constant(b.lineBreak()) },
  { weight: 2, arbitrary: fc.tuple(hostileUrl, hostileText, fc.integer({ min: 0, max: 15 })).map(([u, t, f]) => b.linkNode(u, [b.textNode(t, f)])) },
  // Hand-made JSON may carry node types the editor never writes.
  { weight: 1, arbitrary: hostileText.map((t) => ({ type: 'html', html: t, text: t, version: 1 }) as unknown as InlineNode) },
);
const inlines = fc.array(inline, { maxLength: 6 });

/** Text that ends in `!` right before a link, anywhere in a run of inlines (issue 14's image). */
const bangThenLink: fc.Arbitrary<InlineNode[]> = fc
  .tuple(inlines, hostileText, fc.oneof(fc.webUrl(), hostileUrl), hostileText, inlines)
  .map(([before, t, u, label, after]) => [...before, b.textNode(`${t}!`), b.linkNode(u, [b.textNode(label || 'pic')]), ...after]);

const block: fc.Arbitrary<BlockNode> = fc.oneof(
  inlines.map((c) => b.paragraph(c)),
  bangThenLink.map((c) => b.paragraph(c)),
  fc.tuple(fc.constantFrom('h2', 'h3') as fc.Arbitrary<'h2'>, bangThenLink).map(([t, c]) => b.heading(t, c)),
  fc.tuple(fc.constantFrom('h1', 'h2', 'h3', 'h4', 'h5', 'h6') as fc.Arbitrary<'h1'>, inlines).map(([t, c]) => b.heading(t, c)),
  inlines.map((c) => b.quote(c)),
  fc.tuple(fc.constantFrom('bullet', 'number') as fc.Arbitrary<'bullet'>, fc.array(inlines, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([type, items, nest]) => {
    const list = b.list(type, items);
    if (!nest) return list;
    const holder: ListItemNode = { ...(list.children[0] as ListItemNode), children: [b.list('bullet', items)] };
    return { ...list, children: [...list.children, holder] };
  }),
  fc.constant(b.horizontalRule()),
);

export const hostileArticle: fc.Arbitrary<ExportArticle> = fc
  .record({
    headline: hostileText,
    dek: hostileText,
    byline: hostileText,
    dateline: hostileText,
    section: hostileText,
    tags: fc.array(hostileText, { maxLength: 3 }),
    language: fc.oneof(fc.constantFrom('en', 'ko', 'ja'), hostileText),
    slug: hostileText,
    postedAt: fc.oneof(fc.constant(null), fc.constant('2019-01-09T07:31:00+09:00'), hostileText),
    updatedAt: fc.oneof(fc.constant(null), hostileText),
    blocks: fc.array(block, { maxLength: 6 }),
  })
  .map(({ blocks, ...fields }) => article({ ...fields, body: b.bodyState(blocks) }));


const scale = fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 9 }));
const instant = fc.oneof(fc.constant(null), fc.constant('2026-01-02T09:00:00+09:00'), fc.constant('2026-01-02T00:00:00Z'), hostileText);

/** Every field, the newsroom metadata included, hostile. */
export const hostileNewsroomArticle: fc.Arbitrary<ExportArticle> = fc
  .tuple(
    hostileArticle,
    fc.record({
      slugline: hostileText,
      urgency: scale,
      priority: scale,
      embargoedUntil: instant,
      expiresAt: instant,
      editorNote: hostileText,
      provider: hostileText,
      signals: fc.array(fc.oneof(fc.constantFrom('update', 'correction', 'advisory'), hostileText), { maxLength: 3 }),
      subjects: fc.array(fc.record({ scheme: fc.oneof(fc.constantFrom('medtop', 'subj', ''), hostileText), code: hostileText, label: hostileText }), { maxLength: 3 }),
      genre: hostileText,
      keywords: fc.array(hostileText, { maxLength: 3 }),
      located: fc.oneof(fc.constant(null), fc.record({ name: hostileText, countryCode: fc.oneof(fc.constant('KR'), hostileText) })),
      authors: fc.array(fc.record({ name: hostileText, role: hostileText }), { maxLength: 3 }),
      copyrightHolder: hostileText,
      creditLine: hostileText,
      usageTerms: hostileText,
    }),
  )
  .map(([a, meta]) => ({ ...a, ...meta }));
