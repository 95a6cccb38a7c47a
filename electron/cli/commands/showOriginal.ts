// `copydesk show <id> --original`: the file an article was imported from,
// exactly as it came in — raw bytes on stdout, into a file (--out, written
// atomically), or as JSON with the text decoded in the encoding detected at import.
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CommandContext, printJson, stringOption, UsageError } from '../command.ts';
import { describeFsError } from '../fsErrors.ts';

export function showOriginal(ctx: CommandContext, id: string): number {
  const archive = ctx.archive();
  const original = archive.getOriginal(id);
  if (!original) {
    const imported = archive.getArticle(id).source.path !== null;
    throw new UsageError(
      imported
        ? `Article ${id} has no original file kept: it was imported with --no-originals.`
        : `Article ${id} has no original file: it was written in Copydesk, not imported.`,
    );
  }
  const out = stringOption(ctx, 'out');
  const file = out === undefined ? undefined : resolve(out);
  if (file) writeAtomically(file, original.bytes);
  if (ctx.json) {
    const view = archive.getOriginalText(id);
    if (!view) throw new UsageError(`Article ${id} has no original file kept.`);
    const { truncated: _t, textLength: _l, ...fields } = view;
    printJson(ctx, { ...fields, ...(file ? { file } : {}) });
  } else if (file) {
    ctx.out(`${file}  ${original.size} bytes  sha256 ${original.sha256}`);
  } else {
    ctx.outBytes(original.bytes);
  }
  return 0;
}

/** Temp file beside the target, fsync, rename: the target is either untouched or complete. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'wx');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was left behind
    }
    // Name the file the user asked for, not the temporary one.
    const plain = describeFsError({ code: (error as NodeJS.ErrnoException).code, path });
    if (plain) throw new UsageError(plain);
    throw error;
  }
}
