// Handlers of shared/contract/archive.ts. Reads run in the read pool, so a
// search answers while the writer imports (WAL); writes go to the writer.
import { type ArchiveStatsValue, type archiveContract, type CheckValue, MAX_ORIGINAL_CHARS } from '../../../shared/contract/archive.ts';
import type { ArchiveStats } from '../../archive/maintenance/stats.ts';
import type { CheckReport } from '../../archive/maintenance/check.ts';
import { unwrap } from './errors.ts';
import { type DomainHandlers, inMain, reader } from './types.ts';
import { chooseDestination } from './userChoice.ts';

// The contract restates the core's shapes (shared/ cannot import the core); these fail to compile if they drift.
type Assignable<T extends U, U> = T;
export type StatsAgree = Assignable<ArchiveStats, ArchiveStatsValue>;
export type CheckAgrees = Assignable<CheckReport, CheckValue>;

export const archiveHandlers = {
  search: reader((archive, input) =>
    archive.search(input.query, {
      ...(input.limit !== undefined ? { limit: input.limit } : {}),
      ...(input.offset !== undefined ? { offset: input.offset } : {}),
      ...(input.sort !== undefined ? { sort: input.sort } : {}),
      ...(input.history !== undefined ? { history: input.history } : {}),
    }),
  ),
  getArticle: reader((archive, input) => archive.getArticle(input.id)),
  getOriginal: reader((archive, input) => archive.getOriginalText(input.id, input.maxChars ?? MAX_ORIGINAL_CHARS)),
  stats: reader((archive) => archive.stats()),
  check: reader((archive) => archive.check()),
  facets: inMain(async (ctx) => unwrap(await ctx.workers.op('read', 'facets', {}))),
  createArticle: inMain(async (ctx, input) => {
    const created = unwrap<{ id: string }>(await ctx.workers.op('write', 'createArticle', { headline: input.headline ?? '' }));
    ctx.emit('archive', 'changed', { reason: 'create' });
    return created;
  }),
  backup: inMain(async (ctx, _input, caller) => {
    const stamp = new Date().toISOString().slice(0, 10);
    const path = await chooseDestination(ctx, caller, 'backup', (d) => d.saveFile({ title: 'Back up archive', defaultName: `copydesk-backup-${stamp}.sqlite`, extensions: ['sqlite'] }));
    if (path === null) return { path: null };
    unwrap(await ctx.workers.op('read', 'backupTo', { path }));
    return { path };
  }),
} satisfies DomainHandlers<typeof archiveContract>;
