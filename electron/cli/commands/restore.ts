import { EditorService } from '../../archive/history/service.ts';
import type { DiffFieldName } from '../../../shared/editing/diff.ts';
import { type Command, printJson, stringOption, UsageError } from '../command.ts';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Restore a revision (or one field of it) as a new revision on top',
  usage: 'copydesk restore <id> <rev> [--field NAME]',
  options: { field: { type: 'string', description: 'restore only this field (headline, dek, byline, …, or body)' } },
  run(ctx) {
    const [id, rev] = ctx.args;
    if (!id) throw new UsageError('restore needs an article id.');
    if (!rev || !/^\d+$/.test(rev)) throw new UsageError('restore needs a revision id (a whole number) from copydesk history.');
    const field = stringOption(ctx, 'field') as DiffFieldName | undefined;
    const result = new EditorService(ctx.archive()).restore(id, Number(rev), field ? { field } : {});
    const a = result.article;
    if (ctx.json) {
      printJson(ctx, {
        articleId: a.id,
        restoredFrom: Number(rev),
        field: field ?? null,
        revisionId: result.revisionId,
        version: a.version,
        headline: a.headline,
        status: a.status,
        wordCount: a.wordCount,
      });
      return 0;
    }
    ctx.out(`Restored ${field ? `${field} from ` : ''}revision ${rev} as revision ${result.revisionId} (version ${a.version}).`);
    return 0;
  },
};
