// `copydesk server init|desk add|user add --url URL`: set up the shared
// archive on PostgreSQL, with an admin's URL (the password from PGPASSWORD or
// ~/.pgpass, never the command line).
import { connectServer, type ServerClient } from '../../archive/server/connect.ts';
import { addDesk, addUser, SERVER_ROLES, type ServerRole } from '../../archive/server/people.ts';
import { initServer } from '../../archive/server/runner.ts';
import { type Command, type CommandContext, EXIT, printJson, stringOption, UsageError } from '../command.ts';

async function withServer<T>(ctx: CommandContext, work: (client: ServerClient) => Promise<T>): Promise<T> {
  const url = stringOption(ctx, 'url') ?? ctx.env.COPYDESK_SERVER_URL;
  if (!url) throw new UsageError('server commands need --url postgres://admin@host/database (an admin\'s URL).');
  const client = await connectServer(url, ctx.env.PGPASSWORD !== undefined ? { password: ctx.env.PGPASSWORD } : {});
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const serverCommand: Command = {
  name: 'server',
  summary: 'Set up the shared archive on PostgreSQL: init, desk add NAME, user add NAME',
  usage: 'copydesk server init --url URL | server desk add NAME --url URL | server user add NAME --role archivist|editor|chief|admin --desk DESK [--desk DESK…] --password-stdin --url URL',
  options: {
    url: { type: 'string', description: "an admin's PostgreSQL URL (password from PGPASSWORD or ~/.pgpass)" },
    role: { type: 'string', description: 'archivist (imports), editor (edits its desks), chief (also publishes, kills, moves desks, breaks locks), admin (manages)' },
    desk: { type: 'string', multiple: true, description: 'a desk the user works on (repeat for several)' },
    'password-stdin': { type: 'boolean', description: "read the new user's password from standard input" },
  },
  async run(ctx) {
    const [what, verb, name] = ctx.args;
    if (what === 'init') {
      const result = await withServer(ctx, (client) => initServer(client));
      if (ctx.json) printJson(ctx, { ok: true, ...result });
      else ctx.out(result.applied.length ? `Shared archive schema at version ${result.to} (applied ${result.applied.join(', ')}).` : `Shared archive schema already at version ${result.to}.`);
      return EXIT.ok;
    }
    if (what === 'desk' && verb === 'add') {
      if (!name) throw new UsageError('server desk add needs a desk name.');
      const result = await withServer(ctx, (client) => addDesk(client, name));
      if (ctx.json) printJson(ctx, result);
      else ctx.out(result.created ? `Desk ${name} added.` : `Desk ${name} exists already.`);
      return EXIT.ok;
    }
    if (what === 'user' && verb === 'add') {
      if (!name) throw new UsageError('server user add needs a user name.');
      const role = stringOption(ctx, 'role');
      if (!role || !(SERVER_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of: ${SERVER_ROLES.join(', ')}.`);
      const desks = (ctx.options.desk as string[] | undefined) ?? [];
      if (desks.length === 0 && role !== 'admin') throw new UsageError('a user needs at least one --desk.');
      if (ctx.options['password-stdin'] !== true) throw new UsageError('give the password on standard input with --password-stdin (never on the command line).');
      const password = (await ctx.readStdin()).replace(/\r?\n$/, '');
      const result = await withServer(ctx, (client) => addUser(client, { name, role: role as ServerRole, desks, password }));
      if (ctx.json) printJson(ctx, result);
      else ctx.out(`User ${result.user} (${result.role}) on ${result.desks.join(', ') || 'every desk'}.`);
      return EXIT.ok;
    }
    throw new UsageError('server takes init, desk add NAME or user add NAME (see copydesk server --help).');
  },
};
