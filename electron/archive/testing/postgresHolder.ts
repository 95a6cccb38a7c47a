// Test fixture for postgres.pg.test.ts: start a throwaway server, print its
// folder and postmaster pid, then wait to be signalled or killed (or exit at once with `exit`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPostgres } from './postgres.ts';

const server = await startPostgres();
const postmaster = readFileSync(join(server.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0];
process.stdout.write(`${server.dir} ${postmaster}\n`);
if (process.argv[2] === 'exit') process.exit(0);
setInterval(() => undefined, 1000);
