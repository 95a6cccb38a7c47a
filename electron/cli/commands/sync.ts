// `copydesk sync [NAME] [--watch]`: push local revisions the shared archive
// lacks, pull what arrived since the last sync. Exit 2 when new conflicts.
import { sync } from '../../archive/sync/engine.ts';
import { pullWorkerWhereItHelps, sourcePullWorker } from '../../archive/sync/pullWorker/preparer.ts';
import { SyncWatcher } from '../../archive/sync/watch.ts';
import { type Command, EXIT, intOption, printJson } from '../command.ts';
import { passwordFrom } from './remote.ts';

export const syncCommand: Command = {
  name: 'sync',
  summary: 'Sync with the shared archive: push what it lacks, pull what is new (exit 2 on new conflicts)',
  usage: 'copydesk sync [NAME] [--watch] [--poll SECONDS] [--batch N]',
  options: {
    watch: { type: 'boolean', description: 'keep syncing: at once when the server reports a new revision, else every --poll seconds (Ctrl-C stops)' },
    poll: { type: 'string', description: 'seconds between polls with --watch (default 30)' },
    batch: { type: 'string', description: 'revisions per batch (default 500)' },
  },
  async run(ctx) {
    const [name] = ctx.args;
    const archive = ctx.archive();
    const batchSize = intOption(ctx, 'batch', 500, 1, 100_000);
    if (ctx.options.watch !== true) {
      // A long pull prepares its batches in a worker thread while this one writes (pullWorker/), where the cores allow.
      const r = await sync(archive, name, { ...passwordFrom(ctx), batchSize, ...pullWorkerWhereItHelps(sourcePullWorker) });
      if (ctx.json) printJson(ctx, { pushed: r.pushed, pulled: r.pulled, conflicts: r.conflicts, merged: r.merged, remote: r.remote, refused: r.refused });
      else ctx.out(`${r.remote}: pushed ${r.pushed}, pulled ${r.pulled}, merged ${r.merged}, new conflicts ${r.conflicts}${r.refused ? `, ${r.refused} refused by the server's rules` : ''}.`);
      return r.conflicts > 0 ? EXIT.partial : EXIT.ok;
    }
    let conflicts = 0;
    const watcher = new SyncWatcher(archive, name, {
      ...passwordFrom(ctx),
      ...pullWorkerWhereItHelps(sourcePullWorker),
      pollMs: intOption(ctx, 'poll', 30, 1, 86_400) * 1000,
      onRound(outcome) {
        if (!outcome.ok) {
          ctx.err(`copydesk: ${outcome.error.message}`);
          return;
        }
        const r = outcome.result;
        conflicts += r.conflicts;
        if (r.pushed + r.pulled + r.merged + r.conflicts === 0) return;
        if (ctx.json) printJson(ctx, { pushed: r.pushed, pulled: r.pulled, conflicts: r.conflicts, merged: r.merged, remote: r.remote, refused: r.refused });
        else ctx.out(`${new Date().toISOString()} ${r.remote}: pushed ${r.pushed}, pulled ${r.pulled}, merged ${r.merged}, new conflicts ${r.conflicts}`);
      },
    });
    const stop = () => void watcher.stop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await watcher.done;
    return conflicts > 0 ? EXIT.partial : EXIT.ok;
  },
};
