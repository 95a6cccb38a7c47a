// `copydesk edit ID --set FIELD=TEXT [--set …] [--body-file FILE.md]`: a
// scripted edit saved as a new revision (batch corrections; a desk's robot).
// Values are checked with the same schema the app's IPC uses.
import { readFileSync } from 'node:fs';
import { emptyFields, FIELD_NAMES, type ArticleFields } from '../../../shared/model/article.ts';
import { fieldsSchema } from '../../../shared/contract/editor.ts';
import { EditorService } from '../../archive/history/service.ts';
import { makeParseInput } from '../../archive/import/parsers/input.ts';
import { parseMarkdown } from '../../archive/import/parsers/markdown.ts';
import { resolveZone } from '../../archive/time/zone.ts';
import { type Command, EXIT, printJson, stringOption, UsageError } from '../command.ts';

/** One `FIELD=TEXT` as the field's type: lists split on commas (or JSON), '' is null where null is allowed, JSON for objects. */
export function parseAssignment(assignment: string): [string, unknown] {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new UsageError(`--set takes FIELD=TEXT, not "${assignment}".`);
  const field = assignment.slice(0, eq);
  const text = assignment.slice(eq + 1);
  if (!(FIELD_NAMES as readonly string[]).includes(field)) throw new UsageError(`Unknown field "${field}". Fields: ${FIELD_NAMES.join(', ')}.`);
  const empty = (emptyFields() as unknown as Record<string, unknown>)[field];
  if (Array.isArray(empty)) return [field, text.trim().startsWith('[') ? json(field, text) : text.split(',').map((t) => t.trim()).filter((t) => t !== '')];
  if (empty === null) {
    if (text === '') return [field, null];
    if (/^-?\d+$/.test(text.trim()) || text.trim().startsWith('{')) return [field, json(field, text)];
    return [field, text];
  }
  return [field, text];
}

function json(field: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`--set ${field}=… is not valid JSON.`);
  }
}

export const editCommand: Command = {
  name: 'edit',
  summary: 'Change fields (and the body from a Markdown file) as a new revision',
  usage: 'copydesk edit <id> --set FIELD=TEXT [--set FIELD=TEXT…] [--body-file FILE.md]',
  options: {
    set: { type: 'string', multiple: true, description: 'FIELD=TEXT (lists: comma-separated or JSON; empty = null where allowed)' },
    'body-file': { type: 'string', description: 'the new body, from a Markdown (or plain text) file' },
    name: { type: 'string', description: 'name the revision' },
  },
  run(ctx) {
    const [id] = ctx.args;
    if (!id) throw new UsageError('edit needs an article id.');
    const sets = (ctx.options.set as string[] | undefined) ?? [];
    const bodyFile = stringOption(ctx, 'body-file');
    if (sets.length === 0 && !bodyFile) throw new UsageError('edit needs at least one --set FIELD=TEXT or --body-file FILE.');
    const raw = Object.fromEntries(sets.map(parseAssignment));
    const checked = fieldsSchema.safeParse(raw);
    if (!checked.success) throw new UsageError(`--set: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const fields = checked.data as Partial<ArticleFields>;
    let body;
    if (bodyFile) {
      const text = readFileSync(bodyFile, 'utf8').replace(/\r\n?/g, '\n');
      const zone = resolveZone();
      // The file is the body: a title line stays in it (the headline is a field of its own, set with --set headline=…).
      const parsed = parseMarkdown(makeParseInput({ text: `# \n\n${text}`, rawText: text, path: bodyFile, zone }));
      body = parsed.body;
    }
    const archive = ctx.archive();
    const service = new EditorService(archive);
    const current = archive.getArticle(id);
    const name = stringOption(ctx, 'name');
    const saved = service.save({ id, baseVersion: current.version, fields, ...(body ? { body } : {}), ...(name !== undefined ? { name } : {}) });
    const rid = archive.getRevision(id, saved.revisionId).rid;
    if (ctx.json) printJson(ctx, { id: saved.id, version: saved.version, revisionId: saved.revisionId, rid, wordCount: saved.wordCount });
    else ctx.out(`Saved ${id} as revision ${saved.revisionId} (version ${saved.version}).`);
    return EXIT.ok;
  },
};
