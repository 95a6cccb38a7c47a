// Family 8 — IPC and shell. Every contract method gets random payloads (the
// contract fuzz test's generators, electron/main/ipc/fuzzing.ts; 10k per method
// in --full) plus hand-made wrong-shape, oversized and prototype-polluting ones,
// each structured-cloned as Electron's IPC would; unknown channels; and calls
// from senders that are not the app's top frame. They go through the real gate
// (ipc/dispatch.ts) and the real handlers, with the archive work running in
// real worker threads on a temporary archive and the shell's capabilities
// (dialogs, imports, links) stubbed. Bar: 0 uncaught errors or unhandled
// rejections, every answer a Result, every refused call refused with the right
// code and logged, Object.prototype untouched. Then the shell (shellNavigation.ts).
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Archive } from '../../../electron/archive/archive.ts';
import { createDispatcher, type Sender } from '../../../electron/main/ipc/dispatch.ts';
import { contractMethods, FOREIGN_SENDERS, hostilePayloads, methodSchema, payloads, stubContext } from '../../../electron/main/ipc/fuzzing.ts';
import { handlers } from '../../../electron/main/ipc/registry.ts';
import type { Logger } from '../../../electron/main/ipc/types.ts';
import { APP_ORIGIN } from '../../../electron/main/protocol/files.ts';
import { ArchiveWorkers } from '../../../electron/main/worker/pool.ts';
import { contract } from '../../../shared/contract/index.ts';
import { methodChannel } from '../../../shared/contract/define.ts';
import { ERROR_CODES, type Result } from '../../../shared/result.ts';
import { fillArchive } from '../lib/sampleArchive.ts';
import { type FamilyOptions, type FamilyResult, scratch } from '../lib/util.ts';
import { checkShell } from './shellNavigation.ts';

const repo = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
/** String() throws for some hostile channels (an object without toString). */
const name = (channel: unknown): string => {
  try {
    return String(channel).slice(0, 60);
  } catch {
    return `(${typeof channel})`;
  }
};
const OWN: Sender = { url: `${APP_ORIGIN}/index.html`, isMainFrame: true, contentsId: 1 };

interface Tally {
  sent: number;
  invalid: number;
  rejected: number;
  logged: number;
  answered: number;
}

export async function ipcShell(opts: FamilyOptions): Promise<FamilyResult> {
  const started = Date.now();
  const work = scratch('ipc');
  const failures: string[] = [];
  const fail = (message: string) => failures.length < 200 && failures.push(message);
  let uncaught = 0;
  const onUncaught = (error: unknown) => {
    uncaught++;
    fail(`uncaught in main: ${String((error as Error)?.stack ?? error).slice(0, 300)}`);
  };
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);

  let logLines = 0;
  let longestLog = 0;
  const note = (message: string, details?: unknown) => {
    logLines++;
    longestLog = Math.max(longestLog, message.length + (details === undefined ? 0 : String(JSON.stringify(details) ?? '').length));
  };
  const log: Logger = { info: note, warn: note, error: note };
  const perMethod = opts.full ? 10_000 : 300;
  const random: Tally = { sent: 0, invalid: 0, rejected: 0, logged: 0, answered: 0 };
  const hostile: Tally = { sent: 0, invalid: 0, rejected: 0, logged: 0, answered: 0 };
  const unknown: Tally = { sent: 0, invalid: 0, rejected: 0, logged: 0, answered: 0 };
  const foreign: Tally = { sent: 0, invalid: 0, rejected: 0, logged: 0, answered: 0 };
  let notCloneable = 0;
  let okAnswers = 0;
  let codedErrors = 0;
  let codedLogged = 0;
  let workers: ArchiveWorkers | null = null;
  try {
    const archivePath = join(work.dir, 'archive.sqlite');
    const seeded = Archive.open(archivePath);
    fillArchive(seeded, 60, opts.seed);
    seeded.close();
    workers = await ArchiveWorkers.start({
      archivePath,
      readers: 1,
      spawn: (setup) => new Worker(join(repo, 'tests/e2e/support/workerBootstrap.mjs'), { workerData: { ...setup, entry: join(repo, 'electron/main/worker/archiveWorker.ts') } }),
      log,
    });
    const context = stubContext({ log, workers });
    const dispatcher = createDispatcher({ contract, handlers, trustedOrigin: APP_ORIGIN, context: () => context, log });

    /** One call as Electron would deliver it; checks the answer and that a refusal was logged. */
    const call = async (tally: Tally, channel: unknown, payload: unknown, sender: Sender, expectCode: string | null): Promise<void> => {
      let delivered = payload;
      try {
        delivered = structuredClone(payload);
      } catch {
        notCloneable++; // Electron would refuse to send it; the gate gets it raw anyway
      }
      tally.sent++;
      const before = logLines;
      let result: Result<unknown>;
      try {
        result = await dispatcher.dispatch(channel, delivered, sender);
      } catch (error) {
        fail(`dispatch threw for ${name(channel)}: ${String(error).slice(0, 200)}`);
        return;
      }
      if (typeof result?.ok !== 'boolean') return void fail(`not a Result from ${name(channel)}`);
      if (expectCode !== null) tally.invalid++;
      if (result.ok) {
        okAnswers++;
        tally.answered++;
        if (expectCode !== null) fail(`${name(channel)} accepted a call that should be refused (${expectCode})`);
        return;
      }
      if (!(ERROR_CODES as readonly string[]).includes(result.error.code)) fail(`unknown error code ${result.error.code}`);
      if (expectCode !== null) {
        if (result.error.code === expectCode) tally.rejected++;
        else fail(`${name(channel)} refused with ${result.error.code}, expected ${expectCode}`);
      } else {
        codedErrors++;
        tally.answered++;
      }
      if (result.error.message.length > 2_000) fail(`${name(channel)} answered a ${result.error.message.length}-char error message`);
      if (expectCode === null) {
        // A valid call answered with a coded error (not-found, busy…) is an answer, not a refusal; main logs those it handles itself.
        if (logLines > before) codedLogged++;
        return;
      }
      if (logLines <= before) return void fail(`a refused call to ${name(channel)} (${result.error.code}) was not logged`);
      tally.logged++;
    };

    for (const [index, [d, m]] of contractMethods().entries()) {
      const channel = methodChannel(d, m);
      const schema = methodSchema(d, m);
      const expect = (payload: unknown) => {
        let parsed = false;
        try {
          parsed = schema.safeParse(structuredClone(payload)).success;
        } catch {
          parsed = schema.safeParse(payload).success;
        }
        return parsed ? null : 'invalid-payload';
      };
      for (const payload of fc.sample(payloads(schema), { numRuns: perMethod, seed: opts.seed + index })) await call(random, channel, payload, OWN, expect(payload));
      for (const payload of hostilePayloads(schema)) await call(hostile, channel, payload, OWN, expect(payload));
      for (const sender of FOREIGN_SENDERS) await call(foreign, channel, {}, sender, 'forbidden-sender');
    }
    // Foreign senders with random URLs, and our own URL from a sub-frame.
    const names = [...dispatcher.routes.keys()];
    const senders = fc.sample(
      fc.oneof(
        fc.record({ url: fc.oneof(fc.webUrl(), fc.string(), fc.constant(null)), isMainFrame: fc.boolean(), contentsId: fc.nat() }),
        fc.record({ url: fc.constant(OWN.url), isMainFrame: fc.constant(false), contentsId: fc.constant(1) }),
      ),
      { numRuns: opts.full ? 10_000 : 300, seed: opts.seed + 1000 },
    );
    for (const [i, sender] of senders.entries()) {
      if (sender.isMainFrame && sender.url !== null && sender.url.startsWith(`${APP_ORIGIN}/`)) continue;
      await call(foreign, names[i % names.length], { query: 'x' }, sender, 'forbidden-sender');
    }
    // Unknown channels: near misses, other apps' names, and anything at all.
    const nearMisses = names.flatMap((n) => [n.toUpperCase(), `${n} `, n.replace('copydesk:', ''), `${n}\u0000`, n.replace('.', ':'), `${n}.__proto__`]);
    const randomChannels = fc.sample(fc.oneof(fc.string(), fc.anything(), fc.constantFrom(...names).map((n) => `${n}x`)), { numRuns: opts.full ? 10_000 : 300, seed: opts.seed + 2000 });
    for (const channel of [...nearMisses, 'copydesk:__proto__.constructor', 'copydesk:constructor', 'toString', '__proto__', 'hasOwnProperty', ...randomChannels]) {
      if (typeof channel === 'string' && dispatcher.routes.has(channel)) continue;
      await call(unknown, channel, {}, OWN, 'unknown-method');
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // let a late rejection surface before we stop listening
  } finally {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
    await workers?.close();
    work.cleanup();
  }
  if (longestLog > 2_000) fail(`a log line of ${longestLog} chars (hostile input must not make logs huge)`);
  const polluted = Object.keys(Object.prototype).length > 0 || ({} as Record<string, unknown>).polluted !== undefined;
  if (polluted) fail('Object.prototype was polluted');

  const shell = await checkShell(opts);
  failures.push(...shell.failures.slice(0, 50));

  const refused = [random, hostile, foreign, unknown].reduce((s, t) => s + t.invalid, 0);
  const rejected = [random, hostile, foreign, unknown].reduce((s, t) => s + t.rejected, 0);
  const logged = [random, hostile, foreign, unknown].reduce((s, t) => s + t.logged, 0);
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(2)} %`);
  return {
    family: 8,
    name: 'IPC and shell',
    pass: failures.length === 0 && uncaught === 0 && !polluted,
    figures: {
      'contract methods': contractMethods().length,
      'random payloads per method': perMethod,
      'random payloads sent': `${random.sent} (${random.invalid} invalid → ${random.rejected} rejected; ${random.sent - random.invalid} valid → answered)`,
      'hostile payloads sent': `${hostile.sent} (wrong shape, 4 MB strings, 200k arrays, 5k-deep, __proto__/constructor; ${hostile.invalid} invalid → ${hostile.rejected} rejected)`,
      'foreign-sender calls': `${foreign.sent} → ${foreign.rejected} rejected (forbidden-sender)`,
      'unknown-channel calls': `${unknown.sent} → ${unknown.rejected} rejected (unknown-method)`,
      'calls that must be refused': `${refused}: ${pct(rejected, refused)} rejected, ${pct(logged, refused)} logged`,
      'valid calls answered': `${okAnswers} ok, ${codedErrors} coded errors (${codedLogged} logged)`,
      'not structured-cloneable (sent raw)': notCloneable,
      'longest log line (chars)': longestLog,
      'uncaught errors in main': uncaught,
      'Object.prototype polluted': polluted ? 'YES' : 'no',
      'shell: URLs × decisions': `${shell.urls} URLs, ${shell.decisions} decisions (will-navigate/dropped link, window.open, will-redirect)`,
      'shell: window navigated away': `${shell.navigatedAway} (${shell.reloadsOfOwnPage} reloads of app://copydesk allowed)`,
      'shell: handed to openExternal': `${shell.openedOutside} (unsafe: ${shell.unsafeOpenedOutside}); blocked ${shell.blocked}`,
      'shell: sub-frame navigations': `${shell.frameDecisions} decisions, ${shell.frameNavigated} loaded (about:srcdoc only), ${shell.frameOpenedOutside} opened outside`,
      'shell: links offered outside': `${shell.offered} confirm dialogs (${shell.offeredMailtoWithQuery} mailto with a query); declined → ${shell.openedWhenDeclined} opened; accepted → ${shell.openedWhenAccepted} opened (all http/https/mailto)`,
    },
    failures,
    seconds: (Date.now() - started) / 1000,
  };
}
