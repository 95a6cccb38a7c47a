import { ARTICLE_STATUSES } from '../../../shared/model/article.ts';
import { EditorService } from '../../archive/history/service.ts';
import { isStatus } from '../../archive/workflow/status.ts';
import { isArchiveError } from '../../archive/errors.ts';
import type { Checklist } from '../../../shared/editing/workflow.ts';
import { type Command, EXIT, printJson, stringOption, UsageError } from '../command.ts';

function checklistLines(list: Checklist): string[] {
  return list.items.map((i) => `  [${i.ok ? 'x' : ' '}] ${i.label}${i.ok ? '' : ` — ${i.detail}`}`);
}

export const statusCommand: Command = {
  name: 'status',
  summary: "Show or change an article's status (draft, edited, ready, published, spiked)",
  usage: 'copydesk status <id> [<status>] [--force] [--name TEXT]',
  options: {
    force: { type: 'boolean', description: 'move to ready/published even though the checklist fails' },
    name: { type: 'string', description: 'name the status revision, e.g. "as published"' },
  },
  run(ctx) {
    const [id, status] = ctx.args;
    if (!id) throw new UsageError('status needs an article id.');
    const service = new EditorService(ctx.archive());
    if (status === undefined) {
      const { article, checklist } = service.open(id);
      if (ctx.json) printJson(ctx, { id, status: article.status, checklist });
      else ctx.out([`${article.status}`, 'Ready checklist:', ...checklistLines(checklist)].join('\n'));
      return EXIT.ok;
    }
    if (!isStatus(status)) throw new UsageError(`Unknown status "${status}". Use one of: ${ARTICLE_STATUSES.join(', ')}.`);
    const name = stringOption(ctx, 'name');
    try {
      const r = service.setStatus({ id, status, force: ctx.options.force === true, ...(name !== undefined ? { name } : {}) });
      if (ctx.json)
        printJson(ctx, { id, from: r.from, to: r.to, changed: r.changed, blocked: false, revisionId: r.revisionId ?? null, version: r.article?.version ?? null, checklist: r.checklist });
      else ctx.out(r.changed ? `${r.from} → ${r.to} (revision ${r.revisionId})` : `Already ${r.to}.`);
      return EXIT.ok;
    } catch (error) {
      const checklist = isArchiveError(error) ? (error.details?.checklist as Checklist | undefined) : undefined;
      if (!checklist) throw error;
      // Blocked by the checklist: a user error, but the JSON still says what blocks it.
      const from = service.open(id).article.status;
      if (ctx.json) printJson(ctx, { id, from, to: status, changed: false, blocked: true, revisionId: null, version: null, checklist });
      else ctx.out(['Ready checklist:', ...checklistLines(checklist)].join('\n'));
      ctx.err(`copydesk: ${(error as Error).message} (use --force to move anyway)`);
      return EXIT.userError;
    }
  },
};
