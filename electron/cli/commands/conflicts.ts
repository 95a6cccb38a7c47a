// `copydesk conflicts` and `copydesk resolve ID --keep mine|theirs|REV`.
import { listConflicts, resolveConflict, type Keep } from '../../archive/sync/conflicts.ts';
import { type Command, EXIT, printJson, stringOption, UsageError } from '../command.ts';

export const conflictsCommand: Command = {
  name: 'conflicts',
  summary: 'List articles whose offline edits met and could not merge',
  usage: 'copydesk conflicts',
  run(ctx) {
    const conflicts = listConflicts(ctx.archive());
    if (ctx.json) printJson(ctx, { conflicts });
    else if (conflicts.length === 0) ctx.out('No conflicts.');
    else for (const c of conflicts) ctx.out(`${c.id}  ${c.headline}  (${c.fields.join(', ')})`);
    return EXIT.ok;
  },
};

export const resolveCommand: Command = {
  name: 'resolve',
  summary: 'Resolve a conflict: keep mine, theirs, or a revision, recorded as a revision naming both sides',
  usage: 'copydesk resolve <id> --keep mine|theirs|REV',
  options: { keep: { type: 'string', description: 'mine (this replica\'s side), theirs (the other side), or a revision (number from history, or its rid)' } },
  run(ctx) {
    const [id] = ctx.args;
    if (!id) throw new UsageError('resolve needs an article id.');
    const raw = stringOption(ctx, 'keep');
    if (!raw) throw new UsageError('resolve needs --keep mine, theirs or a revision.');
    const keep: Keep = raw === 'mine' || raw === 'theirs' ? raw : /^\d+$/.test(raw) ? { revisionId: Number(raw) } : { rid: raw };
    const r = resolveConflict(ctx.archive(), id, keep);
    if (ctx.json) printJson(ctx, { id: r.id, version: r.version, revisionId: r.revisionId, rid: r.rid, kept: raw });
    else ctx.out(`Resolved ${id}: kept ${raw} as revision ${r.revisionId} (version ${r.version}). Sync to share it.`);
    return EXIT.ok;
  },
};
