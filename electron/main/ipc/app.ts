// Handlers of shared/contract/app.ts: the shell's own services.
import type { appContract } from '../../../shared/contract/app.ts';
import { methodChannel } from '../../../shared/contract/define.ts';
import { IpcError, unwrap } from './errors.ts';
import { safeExternalUrl } from '../window/externalUrl.ts';
import { type DomainHandlers, inMain } from './types.ts';

export const appHandlers = {
  info: inMain(async (ctx) => {
    const stats = unwrap<{ articles: number }>(await ctx.workers.call('read', methodChannel('archive', 'stats'), {}));
    return { archivePath: ctx.archivePath, version: ctx.version, platform: ctx.platform, firstRun: stats.articles === 0 };
  }),
  choosePaths: inMain(async (ctx, input) => ({ paths: await ctx.dialogs.openPaths(input.kind) })),
  openExternal: inMain(async (ctx, input) => {
    const url = safeExternalUrl(input.url);
    if (url === null) throw new IpcError('invalid-input', 'Only http, https and mailto links open outside Copydesk.');
    await ctx.openExternal(url);
    return { opened: true };
  }),
} satisfies DomainHandlers<typeof appContract>;
