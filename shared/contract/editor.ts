// The editor's calls: open an article for editing, autosave the working copy,
// explicit saves, "keep mine on top" after a conflict, history, diff, restore,
// status changes and naming revisions. Shapes mirror electron/archive/history
// (electron/main/ipc/editor.ts checks they agree at compile time).
import { z } from 'zod';
import { ARTICLE_STATUSES, type Article, type ArticleStatus } from '../model/article.ts';
import { type NewsroomFields, PUB_STATUSES } from '../model/newsroom.ts';
import type { RevisionSummary } from '../model/revision.ts';
import { ALLOWED_LINK_SCHEMES, BODY_NODE_TYPES } from '../editor/nodes.ts';
import type { BodyState } from '../editor/serialized.ts';
import { DIFF_FIELDS, type RevisionDiff } from '../editing/diff.ts';
import type { Checklist } from '../editing/workflow.ts';
import { articleId } from './archive.ts';
import { domain, method } from './define.ts';

export interface ArticleForEditValue {
  article: Article;
  latestRevisionId: number | null;
  /** The working copy holds autosaved text that no revision records yet. */
  unrecorded: boolean;
  checklist: Checklist;
}

export interface AutosaveValue {
  id: string;
  version: number;
  modifiedAt: string;
  wordCount: number;
  written: boolean;
  revisionId: number | null;
}

export interface SaveValue {
  article: Article;
  revisionId: number;
  theirsRevisionId?: number | null;
}

/** The answer to save and saveOnTop: the editor keeps its own text, so no article comes back. */
export interface SaveReceiptValue {
  id: string;
  version: number;
  modifiedAt: string;
  wordCount: number;
  revisionId: number;
  theirsRevisionId?: number | null;
}

export interface StatusValue {
  from: ArticleStatus;
  to: ArticleStatus;
  changed: boolean;
  checklist: Checklist;
  article?: Article;
  revisionId?: number;
}

const MAX_NODES_PER_LEVEL = 200_000;
const MAX_TEXT = 1_000_000;

function safeUrl(url: string): boolean {
  try {
    return (ALLOWED_LINK_SCHEMES as readonly string[]).includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

// A stored body may hold only registry node types, and links only with allowed
// schemes: the renderer already filters pastes, this refuses a renderer that didn't.
type BodyNodeInput = { type: string; children?: BodyNodeInput[] } & Record<string, unknown>;
const bodyNode: z.ZodType<BodyNodeInput> = z.lazy(() =>
  z.looseObject({
    type: z.enum(BODY_NODE_TYPES),
    version: z.number().int(),
    text: z.string().max(MAX_TEXT).optional(),
    url: z.string().max(4096).refine(safeUrl, 'Links must be http, https or mailto.').optional(),
    children: z.array(bodyNode).max(MAX_NODES_PER_LEVEL).optional(),
  }),
);
export const bodySchema = z.strictObject({ root: bodyNode }) as unknown as z.ZodType<BodyState>;

const text = (max: number) => z.string().max(max);
const scale = z.int().min(1).max(9).nullable();
const instant = text(64).nullable();
// Newsroom metadata (shared/model/newsroom.ts): bounded like every other field.
const newsroomFieldsShape = {
  slugline: text(200),
  urgency: scale,
  priority: scale,
  embargoedUntil: instant,
  expiresAt: instant,
  editorNote: text(5000),
  pubStatus: z.enum(PUB_STATUSES),
  provider: text(200),
  signals: z.array(text(100)).max(50),
  subjects: z.array(z.strictObject({ scheme: text(500), code: text(200), label: text(500) })).max(500),
  genre: text(200),
  keywords: z.array(text(200)).max(500),
  located: z.strictObject({ name: text(500), countryCode: text(8) }).nullable(),
  authors: z.array(z.strictObject({ name: text(500), role: text(200) })).max(100),
  copyrightHolder: text(1000),
  creditLine: text(1000),
  usageTerms: text(5000),
  desk: text(200),
} satisfies Record<keyof NewsroomFields, z.ZodType>;
export const fieldsSchema = z
  .strictObject({
    headline: text(1000),
    dek: text(5000),
    byline: text(500),
    dateline: text(200),
    section: text(200),
    tags: z.array(text(100)).max(100),
    status: z.enum(ARTICLE_STATUSES),
    language: text(35),
    slug: text(200),
    targetLength: z.int().min(1).max(1_000_000).nullable(),
    postedAt: text(64).nullable(),
    updatedAt: text(64).nullable(),
    ...newsroomFieldsShape,
  })
  .partial();

const version = z.int().min(1);
const revisionId = z.int().min(1);
const revisionRef = z.union([revisionId, z.literal('current')]);
const revisionName = z.string().max(200).nullable();

export const editorContract = domain({
  methods: {
    open: method<ArticleForEditValue>()(z.strictObject({ id: articleId })),
    /** A new, empty draft; answers with it open for editing. */
    create: method<ArticleForEditValue>()(z.strictObject({ headline: text(1000).optional(), section: text(200).optional() })),
    /** Writes the working copy; a revision at most once per interval. `conflict` when baseVersion is stale. */
    autosave: method<AutosaveValue>()(z.strictObject({ id: articleId, baseVersion: version, fields: fieldsSchema.optional(), body: bodySchema.optional() })),
    /** Ctrl/Cmd+S: always leaves a revision (de-duplicated against the newest). */
    save: method<SaveReceiptValue>()(
      z.strictObject({ id: articleId, baseVersion: version, fields: fieldsSchema.optional(), body: bodySchema.optional(), name: revisionName.optional() }),
    ),
    /** After `conflict`: keep my text as a new revision on top; the other text stays in history. */
    saveOnTop: method<SaveReceiptValue>()(z.strictObject({ id: articleId, fields: fieldsSchema.optional(), body: bodySchema.optional(), name: revisionName.optional() })),
    history: method<{ revisions: RevisionSummary[] }>()(z.strictObject({ id: articleId })),
    diff: method<RevisionDiff>()(z.strictObject({ id: articleId, from: revisionRef, to: revisionRef })),
    restore: method<SaveValue>()(
      z.strictObject({ id: articleId, revisionId, field: z.enum(DIFF_FIELDS as [string, ...string[]]).optional(), baseVersion: version.optional() }),
    ),
    setStatus: method<StatusValue>()(
      z.strictObject({ id: articleId, status: z.enum(ARTICLE_STATUSES), baseVersion: version.optional(), force: z.boolean().optional(), name: revisionName.optional() }),
    ),
    nameRevision: method<RevisionSummary>()(z.strictObject({ id: articleId, revisionId, name: revisionName })),
  },
  events: {},
});
