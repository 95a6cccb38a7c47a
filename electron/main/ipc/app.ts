// Handlers of shared/contract/app.ts: the shell's own services. What the user
// chooses in the open dialog or drops on the window becomes an import grant
// held here (../grants/pathGrants.ts); the window gets only its id back to use.
import { isAbsolute } from 'node:path';
import type { appContract } from '../../../shared/contract/app.ts';
import { methodChannel } from '../../../shared/contract/define.ts';
import { IpcError, unwrap } from './errors.ts';
import { type DomainHandlers, inMain } from './types.ts';

export const appHandlers = {
  info: inMain(async (ctx) => {
    const stats = unwrap<{ articles: number }>(await ctx.workers.call('read', methodChannel('archive', 'stats'), {}));
    return { archivePath: ctx.archivePath, version: ctx.version, platform: ctx.platform, firstRun: stats.articles === 0 };
  }),
  choosePaths: inMain(async (ctx, input, caller) => {
    const paths = await ctx.dialogs.openPaths(input.kind);
    return { grant: paths.length === 0 ? null : ctx.grants.issue(caller.contentsId, 'import', paths, 'dialog') };
  }),
  // Only the preload calls this, with paths webUtils read from real dropped files: whole, absolute paths or nothing.
  grantDropped: inMain((ctx, input, caller) => {
    const bad = input.paths.find((p) => !isAbsolute(p) || p.includes('\u0000'));
    if (bad !== undefined) {
      ctx.log.warn('IPC refused: a dropped path that is not an absolute file path', { path: bad.slice(0, 200) });
      throw new IpcError('forbidden-path', 'Only files dropped on the window can be imported this way.');
    }
    return { grant: ctx.grants.issue(caller.contentsId, 'import', input.paths, 'drop') };
  }),
} satisfies DomainHandlers<typeof appContract>;
