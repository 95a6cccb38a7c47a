// The editor's calls: open an article for editing, autosave the working copy,
// explicit saves, "keep mine on top" after a conflict, history, diff, restore,
// status changes and naming revisions. Shapes mirror electron/archive/history
// (electron/main/ipc/editor.ts checks they agree at compile time).
import { z } from 'zod';
import { ARTICLE_STATUSES, type Article, type ArticleStatus } from '../model/article.ts';
import { type NewsroomFields, PUB_STATUSES, type SubjectSuggestion } from '../model/newsroom.ts';
import type { ReadyRules } from '../editing/readyRules.ts';
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
  /** The desk's ready rules, so the editor's live checklist applies the ones the core enforces. */
  readyRules: ReadyRules;
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
// One line of text, as wire systems carry slugs, codes, names and roles: no line breaks or control codes.
const line = (max: number) => text(max).regex(/^[^\p{Cc}]*$/u, 'Must be one line without control characters.');
const scale = z.int().min(1).max(9).nullable();
const instant = text(64).nullable();
/** ISO 8601 date-time with seconds optional and a zone (Z or ±hh:mm), e.g. 2026-12-04T09:00:00Z: an instant, never a wall time. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/u;
const isoInstant = text(64)
  .regex(ISO_INSTANT, 'Must be an ISO 8601 date-time with a zone, e.g. 2026-12-04T09:00:00Z or 2026-12-04T10:00:00+01:00.')
  .refine((v) => Number.isFinite(Date.parse(v)), 'Not a real date and time.');
const subject = z
  .strictObject({ scheme: line(500), code: line(200), label: line(500) })
  .refine((s) => s.code.trim() !== '' || s.label.trim() !== '', 'A subject needs a code or a label.');
const author = z.strictObject({ name: line(500).refine((n) => n.trim() !== '', 'An author needs a name.'), role: line(200) });
/** ISO 3166-1 alpha-2 (alpha-3 tolerated from older wires), upper case; '' when unknown. */
const countryCode = text(3).regex(/^(?:[A-Z]{2,3})?$/u, 'A country code is two capital letters (ISO 3166-1), e.g. KR, or empty.');
// Newsroom metadata (shared/model/newsroom.ts): bounded like every other field.
const newsroomFieldsShape = {
  slugline: line(200),
  urgency: scale,
  priority: scale,
  embargoedUntil: isoInstant.nullable(),
  expiresAt: instant,
  editorNote: text(5000),
  pubStatus: z.enum(PUB_STATUSES),
  provider: text(200),
  signals: z.array(text(100)).max(50),
  subjects: z.array(subject).max(500),
  genre: text(200),
  keywords: z.array(line(200)).max(500),
  located: z.strictObject({ name: line(500), countryCode }).nullable(),
  authors: z.array(author).max(100),
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

/** The subject picker asks for at most this many at once (the core caps the same). */
export const MAX_SUBJECT_SUGGESTIONS = 50;

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
    /** Subjects already used in the archive whose label, code or scheme:code starts with `prefix`, most used first. */
    subjectSuggestions: method<{ suggestions: SubjectSuggestion[] }>()(
      z.strictObject({ prefix: line(200), limit: z.int().min(1).max(MAX_SUBJECT_SUGGESTIONS).optional() }),
    ),
    /** Switches the desk's ready rules on or off for this archive; answers with the rules now in force. */
    setReadyRules: method<ReadyRules>()(
      z.strictObject({ slugline: z.boolean().optional(), embargo: z.boolean().optional(), wireUrgency: z.boolean().optional() }),
    ),
  },
  events: {},
});
