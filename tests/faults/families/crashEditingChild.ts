// Family 2's child: the e2e session (served renderer in Chromium + the real
// dispatcher and archive worker threads, tests/e2e/support) in a process of its
// own, so the family can SIGKILL the whole "main/core" side mid-typing.
//
//   node --import tsx crashEditingChild.ts   (prints {"ev":"warm"}, then reads a ChildConfig line on stdin)
//
// Every child first reopens the previous core kill's draft, if asked
// (config.verify), and prints what the editor shows ({"ev":"verified"}).
// mode "renderer": runs every trial itself — types, crashes the page
//   (CDP Page.crash: no unload handler, no last flush), measures, and reopens
//   the article in a fresh page to see the recovered text. Prints one
//   {"ev":"trial"} line per trial.
// mode "core": types into its one target, printing {"ev":"c"} per character,
//   until the family SIGKILLs this process and its Chromium.
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { BrowserContext, Page } from 'playwright-core';
import { type Backend, startBackend } from '../../e2e/support/backend.ts';
import { launchChromium } from '../../e2e/support/browser.ts';
import { serveRenderer, type StaticServer } from '../../e2e/support/server.ts';
import { RENDERER_ROOT } from '../../e2e/support/session.ts';
import { caretToEnd, freshPage, newArticle, openInEditor, stored } from '../../e2e/editor/helpers.ts';
import { type ChildConfig, type ChildTrial, measureTrial, type TrialRecord } from '../lib/editCrash.ts';

type Session = { context: BrowserContext; backend: Backend; server: StaticServer };

const KEY_GAP_MS = 40; // about 25 characters a second: a fast typist
const emit = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Chromium processes this process started (Playwright puts each in its own group). */
function childPids(): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && /chrom/i.test(readFileSync(`/proc/${name}/comm`, 'utf8'))) out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Open the trial's article (or make a new one) and put the caret at the end of the body. */
async function openTarget(page: Page, trial: ChildTrial): Promise<{ id: string; base: string }> {
  if (trial.target.kind === 'existing') await openInEditor(page, trial.target.headline);
  else {
    await newArticle(page);
    await page.getByLabel('Headline', { exact: true }).fill(trial.target.headline);
  }
  await caretToEnd(page);
  const id = (await page.locator('.cd-editor').getAttribute('data-article-id')) ?? '';
  return { id, base: await page.getByTestId('editor-body').innerText().then((t) => t.replace(/\n+$/, '')) };
}

/** Type until `stop()` says so or the text runs out; records when each character was in the page. */
async function typeUntil(page: Page, text: string, stop: () => boolean, onChar: (i: number, t: number) => void): Promise<void> {
  for (let i = 0; i < text.length && !stop(); i++) {
    try {
      await page.keyboard.type(text[i]!);
    } catch {
      return; // the page was killed under us
    }
    onChar(i, Date.now());
    await sleep(KEY_GAP_MS);
  }
}

async function editorText(page: Page, headline: string): Promise<string> {
  await openInEditor(page, headline);
  return (await page.getByTestId('editor-body').innerText()).replace(/\n+$/, '');
}

async function rendererTrials(session: Session, config: ChildConfig): Promise<void> {
  for (const trial of config.trials) {
    const page = await freshPage(session);
    const { id, base } = await openTarget(page, trial);
    const baseStored = stored(config.archivePath, id).bodyText;
    const times: number[] = [];
    let killedAt = 0;
    const cdp = await session.context.newCDPSession(page);
    const started = Date.now();
    const timer = setTimeout(() => {
      killedAt = Date.now();
      void cdp.send('Page.crash').catch(() => undefined);
    }, trial.killAfterMs);
    await typeUntil(page, trial.text, () => killedAt !== 0, (_i, t) => times.push(t));
    clearTimeout(timer);
    if (!killedAt) {
      killedAt = Date.now();
      void cdp.send('Page.crash').catch(() => undefined);
    }
    // Key presses whose event had not resolved when the page died may still be in flight.
    while (times.length && (times.at(-1) as number) > killedAt) times.pop();
    // An autosave already sent by the dead page may still commit; nothing later can.
    await sleep(600);
    await page.close().catch(() => undefined);
    const record: TrialRecord = { kind: 'renderer', target: trial.target.kind, id, base: baseStored, text: trial.text, times, killedAt };
    const outcome = measureTrial(config.archivePath, record, config.lossBarMs);
    let shown: string | null = null;
    if (outcome.stored.headline) {
      const again = await freshPage(session);
      shown = await editorText(again, outcome.stored.headline).catch((e: Error) => `(could not reopen: ${e.message})`);
      await again.close();
    }
    if (shown !== null && shown !== outcome.stored.text) outcome.failures.push(`renderer kill: a fresh window shows ${JSON.stringify(shown.slice(-60))}, the archive holds ${JSON.stringify(outcome.stored.text.slice(-60))}`);
    if (base !== baseStored) outcome.failures.push(`the editor opened with ${JSON.stringify(base.slice(-60))}, the archive held ${JSON.stringify(baseStored.slice(-60))}`);
    emit({ ev: 'trial', typingMs: killedAt - started, outcome });
  }
}

async function coreTrial(session: Session, config: ChildConfig): Promise<void> {
  const trial = config.trials[0];
  if (!trial) return;
  const page = await freshPage(session);
  const { id } = await openTarget(page, trial);
  emit({ ev: 'typing', id, base: stored(config.archivePath, id).bodyText, at: Date.now() });
  await typeUntil(page, trial.text, () => false, (i, t) => emit({ ev: 'c', i, t }));
  emit({ ev: 'ran-out' });
  await sleep(600_000); // the family kills us
}

/** The first line on stdin: the family sends it once this process is warm. */
function readConfig(): Promise<ChildConfig> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.once('line', (line) => {
      lines.close();
      resolve(JSON.parse(line) as ChildConfig);
    });
  });
}

async function main(): Promise<void> {
  // Warm up (modules, the renderer server, Chromium) before the archive is
  // opened: the family starts the next child while the current one types.
  const server = await serveRenderer(RENDERER_ROOT);
  const browser = await launchChromium();
  emit({ ev: 'warm', chromium: childPids() });
  const config = await readConfig();
  const backend = await startBackend({ archivePath: config.archivePath, origin: server.origin, readers: 1 });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const session: Session = { context, backend, server };
  try {
    if (config.verify) {
      const page = await freshPage(session);
      const text = await editorText(page, config.verify.headline).catch((e: Error) => `(could not reopen: ${e.message})`);
      emit({ ev: 'verified', id: config.verify.id, text });
      await page.close();
    }
    if (config.mode === 'renderer') await rendererTrials(session, config);
    else await coreTrial(session, config);
  } finally {
    await browser.close().catch(() => undefined);
    await backend.close();
    await server.close();
  }
  emit({ ev: 'done' });
}

await main();
