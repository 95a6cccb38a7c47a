import type { RevisionRef } from '../../../shared/editing/diff.ts';
import { EditorService } from '../../archive/history/service.ts';
import { type Command, type CommandContext, printJson, UsageError } from '../command.ts';

export function parseRevisionRef(raw: string | undefined, what: string): RevisionRef {
  if (raw === undefined) throw new UsageError(`diff needs ${what}: a revision id from copydesk history, or "current".`);
  if (raw === 'current') return 'current';
  if (!/^\d+$/.test(raw)) throw new UsageError(`${what} must be a revision id (a whole number) or "current", not "${raw}".`);
  return Number(raw);
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Compare two revisions of an article, word by word, field by field',
  usage: 'copydesk diff <id> <revA> <revB>   (a revision id, or "current" for the working copy)',
  options: { all: { type: 'boolean', description: 'list unchanged fields too (text output)' } },
  run(ctx: CommandContext) {
    const [id, a, b] = ctx.args;
    if (!id) throw new UsageError('diff needs an article id.');
    const from = parseRevisionRef(a, 'revA');
    const to = parseRevisionRef(b, 'revB');
    const result = new EditorService(ctx.archive()).diff(id, from, to);
    if (ctx.json) {
      printJson(ctx, result);
      return 0;
    }
    const changed = result.fields.filter((f) => f.changed);
    if (changed.length === 0) ctx.out(`No differences between ${from} and ${to}.`);
    for (const f of ctx.options.all ? result.fields : changed) {
      // git --word-diff=plain style markers, readable in any terminal and in a log.
      const text = f.parts.map((p) => (p.op === 'added' ? `{+${p.text}+}` : p.op === 'removed' ? `[-${p.text}-]` : p.text)).join('');
      ctx.out(`== ${f.field}${f.changed ? ` (+${f.added} −${f.removed} words)` : ''}`);
      ctx.out(text);
      ctx.out('');
    }
    if (result.coarse) ctx.out('(a change was too large to diff word by word; shown as a whole replacement)');
    return 0;
  },
};
