import { getJob, jobFiles, listJobs } from '../../archive/import/jobs.ts';
import { type Command, EXIT, intOption, printJson, UsageError } from '../command.ts';
import { skippedNote } from './import.ts';

export const importsCommand: Command = {
  name: 'imports',
  summary: 'List past import jobs, or show one job with every file\'s outcome',
  usage: 'copydesk imports [<job>] [--limit N]',
  options: {
    limit: { type: 'string', description: 'how many recent jobs to list (default 20)' },
  },
  run(ctx) {
    const db = ctx.archive().db;
    if (ctx.args.length > 1) throw new UsageError('imports takes at most one job number.');
    const arg = ctx.args[0];
    if (arg === undefined) {
      const jobs = listJobs(db, intOption(ctx, 'limit', 20, 1, 10_000));
      if (ctx.json) printJson(ctx, { jobs });
      else if (jobs.length === 0) ctx.out('No imports yet.');
      else
        for (const j of jobs)
          ctx.out(
            `job ${j.id}  ${j.state.padEnd(11)} ${j.startedAt}  ${j.imported} imported, ${j.updated} updated, ${j.duplicates} duplicates, ${j.failed} failed${skippedNote(j.skipped)}  ${j.roots.join(' ')}`,
          );
      return EXIT.ok;
    }
    if (!/^\d+$/.test(arg)) throw new UsageError(`"${arg}" is not a job number (see copydesk imports).`);
    const job = getJob(db, Number(arg));
    if (!job) throw new UsageError(`No import job ${arg}.`);
    const files = jobFiles(db, job.id);
    if (ctx.json) {
      printJson(ctx, { ...job, files });
      return EXIT.ok;
    }
    ctx.out(`job ${job.id}: ${job.state}, started ${job.startedAt}${job.finishedAt ? `, finished ${job.finishedAt}` : ''}`);
    ctx.out(`roots: ${job.roots.join(' ')}`);
    ctx.out(`${job.imported} imported, ${job.updated} updated, ${job.duplicates} duplicates, ${job.failed} failed${skippedNote(job.skipped)}`);
    for (const f of files) {
      const enc = f.encoding ? ` [${f.encoding}${f.confidence != null && f.confidence < 1 ? ` ${f.confidence}` : ''}]` : '';
      ctx.out(`${f.outcome.padEnd(9)} ${f.path}${enc}${f.reason ? ` — ${f.reason}` : ''}`);
    }
    return EXIT.ok;
  },
};
