// `copydesk remote add|status|remove`: the shared archives this replica syncs with.
import type { Archive } from '../../archive/archive.ts';
import { isArchiveError } from '../../archive/errors.ts';
import { connectServer } from '../../archive/server/connect.ts';
import { pendingCount } from '../../archive/sync/local.ts';
import { whoAmI } from '../../archive/sync/remote.ts';
import { addRemote, listRemotes, removeRemote, type Remote } from '../../archive/sync/remotes.ts';
import type { Me } from '../../archive/sync/types.ts';
import { type Command, type CommandContext, EXIT, printJson, stringOption, UsageError } from '../command.ts';

export function passwordFrom(ctx: CommandContext): { password?: string } {
  return ctx.env.PGPASSWORD !== undefined ? { password: ctx.env.PGPASSWORD } : {};
}

async function probe(ctx: CommandContext, url: string, timeoutMs = 5000): Promise<Me | null> {
  try {
    const client = await connectServer(url, { ...passwordFrom(ctx), timeoutMs });
    try {
      return await whoAmI(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  } catch (error) {
    if (isArchiveError(error) && error.code === 'offline') return null;
    throw error;
  }
}

function statusOf(archive: Archive, remote: Remote, online: boolean) {
  return {
    name: remote.name,
    url: remote.url,
    desk: remote.desk,
    online,
    pending: pendingCount(archive.db, remote.id),
    lastSync: remote.lastSync,
    user: remote.serverUser,
    role: remote.serverRole,
    subscribe: remote.subscribe,
    cursor: remote.pullCursor,
    lastError: remote.lastError,
  };
}

export const remoteCommand: Command = {
  name: 'remote',
  summary: 'The shared archives this archive syncs with: remote add NAME URL [--desk DESK], remote status, remote remove NAME',
  usage: 'copydesk remote add NAME URL [--desk DESK] [--subscribe DESK…] | remote status | remote remove NAME',
  createsArchive: true,
  options: {
    desk: { type: 'string', description: 'the desk new articles and imports of this replica go to' },
    subscribe: { type: 'string', multiple: true, description: 'pull only these desks (default: every desk you are on)' },
  },
  async run(ctx) {
    const [verb, name, url] = ctx.args;
    const archive = ctx.archive();
    if (verb === 'add') {
      if (!name || !url) throw new UsageError('remote add needs a name and a URL: copydesk remote add desk postgres://you@host/database --desk politics');
      if (/^postgres(ql)?:\/\/[^/@]*:[^/@]*@/.test(url)) ctx.err('copydesk: the password in that URL is not stored; give it through PGPASSWORD or ~/.pgpass.');
      const me = await probe(ctx, url);
      const desk = stringOption(ctx, 'desk') ?? (me?.desks.length === 1 ? (me.desks[0] as string) : '');
      if (me && desk !== '' && me.role !== 'admin' && !me.desks.includes(desk))
        throw new UsageError(`${me.name} is not on the desk "${desk}" (on: ${me.desks.join(', ') || 'none'}).`);
      const subscribe = (ctx.options.subscribe as string[] | undefined) ?? [];
      const remote = addRemote(archive, { name, url, desk, subscribe, ...(me ? { serverUser: me.name, serverRole: me.role ?? '' } : {}) });
      if (ctx.json) printJson(ctx, statusOf(archive, remote, me !== null));
      else ctx.out(`Remote ${name} added (${remote.url}${desk ? `, desk ${desk}` : ''})${me ? `: signed in as ${me.name} (${me.role})` : ': offline for now'}.`);
      return EXIT.ok;
    }
    if (verb === 'status' || verb === undefined) {
      const remotes = listRemotes(archive);
      const rows = [];
      for (const r of remotes) rows.push(statusOf(archive, r, (await probe(ctx, r.url, 3000).catch(() => null)) !== null));
      if (ctx.json) printJson(ctx, { remotes: rows });
      else if (rows.length === 0) ctx.out('No remote. Add one with copydesk remote add NAME URL --desk DESK.');
      else
        for (const r of rows)
          ctx.out(`${r.name}  ${r.url}  desk ${r.desk || '-'}  ${r.online ? 'online' : 'offline'}  ${r.pending} waiting to go up  last sync ${r.lastSync ?? 'never'}${r.lastError ? `  (${r.lastError})` : ''}`);
      return EXIT.ok;
    }
    if (verb === 'remove') {
      if (!name) throw new UsageError('remote remove needs the remote\'s name.');
      removeRemote(archive, name);
      if (ctx.json) printJson(ctx, { removed: name });
      else ctx.out(`Remote ${name} removed (nothing was deleted from the archive).`);
      return EXIT.ok;
    }
    throw new UsageError('remote takes add, status or remove.');
  },
};
