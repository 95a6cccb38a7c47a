// Issue 14, "the page can name any file": a script that got into the page
// (driven here with page.evaluate, which runs as page script does) tries every
// way to make main read or write a file the user never chose: raw paths,
// made-up grant ids, a grant another window holds, a grant of the wrong
// scope, files it builds itself for a "drop", destinations in export and
// backup payloads, and the IPC door the preload keeps to itself. Each is
// refused with an error value and logged; nothing is imported or written; and
// the user's own choice (the dialog) still works.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../electron/archive/archive.ts';
import { bodyState, paragraph } from '../../shared/editor/build.ts';
import { waitForText } from './support/expect.ts';
import { openSession, type Session } from './support/session.ts';

let dir: string;
let secretDir: string;
let session: Session;
let articleId: string;
let otherWindow: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-compromised-'));
  secretDir = join(dir, '.hidden');
  mkdirSync(secretDir);
  writeFileSync(join(secretDir, 'credentials.txt'), 'not for the archive\n');
  mkdirSync(join(dir, 'chosen'));
  writeFileSync(join(dir, 'chosen', 'wire-story.txt'), 'Harbour ferry timetable agreed\n\nThe council agreed the new timetable on Tuesday.\n');
  const archivePath = join(dir, 'archive.sqlite');
  const archive = Archive.open(archivePath);
  try {
    articleId = archive.createArticle({ headline: 'Existing story', body: bodyState([paragraph('Already here.')]) }, 'save').id;
  } finally {
    archive.close();
  }
  // No drop folder: as in Electron, a File the page makes has no path on disk.
  session = await openSession(archivePath);
  otherWindow = await session.context.newPage();
  await session.backend.attach(otherWindow);
  await otherWindow.goto(`${session.server.origin}/index.html`);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

const articles = async () => (await session.page.evaluate(() => window.copydesk!.archive.stats({}))) as { ok: true; value: { articles: number } };
const refusals = () => session.backend.logged.filter((l) => l.level === 'warn' && l.message.startsWith('IPC refused')).map((l) => l.message);

describe('a compromised page', () => {
  it('has no generic door: no IPC binding, no preload-only method, no link opener, no path reader', async () => {
    const seen = await session.page.evaluate(() => ({
      invoke: typeof (window as unknown as Record<string, unknown>).__copydeskInvoke,
      grantDropped: 'grantDropped' in window.copydesk!.app,
      openExternal: 'openExternal' in window.copydesk!.app,
      pathForFile: 'pathForFile' in window.copydesk!.app,
    }));
    expect(seen).toEqual({ invoke: 'undefined', grantDropped: false, openExternal: false, pathForFile: false });
  });

  it('is refused raw paths, made-up grants and files it made itself, each logged', async () => {
    const before = refusals().length;
    const answers = await session.page.evaluate(async (secret) => {
      const c = window.copydesk!;
      const short = (r: { ok: boolean; error?: { code: string }; value?: unknown }) => (r.ok ? { ok: true, value: r.value } : { ok: false, code: r.error!.code });
      const loose = c.import.start as unknown as (x: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
      return {
        rawPaths: short(await loose({ paths: ['/etc/hostname', secret] })),
        pathAsGrant: short(await loose({ grant: '/etc/hostname' })),
        forged: short(await c.import.start({ grant: 'A'.repeat(43) })),
        forgedAgain: short(await c.import.start({ grant: 'Zm9yZ2VkLWdyYW50LWlkLXRoYXQtbG9va3MtcmVhbA' })),
        madeUpDrop: short(await c.app.dropFiles(new File(['x'], 'hostname'), new File(['x'], `${secret}/credentials.txt`), { name: '/etc/passwd' })),
      };
    }, secretDir);
    expect(answers).toEqual({
      rawPaths: { ok: false, code: 'invalid-payload' },
      pathAsGrant: { ok: false, code: 'invalid-payload' },
      forged: { ok: false, code: 'forbidden-path' },
      forgedAgain: { ok: false, code: 'forbidden-path' },
      madeUpDrop: { ok: true, value: { grant: null } }, // nothing to grant: main was never asked
    });
    expect(refusals().slice(before)).toEqual([
      'IPC refused: invalid payload',
      'IPC refused: invalid payload',
      'IPC refused: path grant unknown (made up, already used or forgotten)',
      'IPC refused: path grant unknown (made up, already used or forgotten)',
    ]);
  });

  it('cannot use a grant another window holds, nor one of another scope', async () => {
    // The user chooses a folder in the other window (the fake dialog answers for them).
    session.backend.nextPaths = [secretDir];
    const chosen = (await otherWindow.evaluate(() => window.copydesk!.app.choosePaths({ kind: 'folder' }))) as { ok: true; value: { grant: { id: string; paths: string[] } } };
    expect(chosen.value.grant.paths).toEqual([secretDir]);
    // An export destination main's save dialog granted this window, leaked to the page somehow.
    const exportGrant = session.backend.grants.issue(session.backend.contentsIdOf(session.page), 'export', [join(dir, 'out.html')], 'dialog');
    const backupGrant = session.backend.grants.issue(session.backend.contentsIdOf(session.page), 'backup', [join(dir, 'b.sqlite')], 'dialog');
    const before = refusals().length;
    const codes = await session.page.evaluate(async (ids) => {
      const out: string[] = [];
      for (const grant of ids) {
        const r = await window.copydesk!.import.start({ grant });
        out.push(r.ok ? 'ok' : r.error.code);
      }
      return out;
    }, [chosen.value.grant.id, exportGrant.id, backupGrant.id]);
    expect(codes).toEqual(['forbidden-path', 'forbidden-path', 'forbidden-path']);
    expect(refusals().slice(before)).toEqual([
      `IPC refused: path grant of another window (${session.backend.contentsIdOf(otherWindow)})`,
      'IPC refused: path grant of scope export, not import',
      'IPC refused: path grant of scope backup, not import',
    ]);
    expect((await articles()).value.articles).toBe(1);
  });

  it('cannot name where an export or a backup goes', async () => {
    const before = refusals().length;
    const target = join(dir, 'planted');
    const codes = await session.page.evaluate(
      async ({ id, target }) => {
        const c = window.copydesk! as unknown as Record<string, Record<string, (x: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>>;
        const calls: Array<[string, string, unknown]> = [
          ['export', 'saveAs', { id, format: 'html', path: `${target}.html` }],
          ['export', 'batch', { ids: [id], format: 'md', outDir: target }],
          ['archive', 'backup', { path: `${target}.sqlite` }],
          ['import', 'saveReport', { path: `${target}.csv` }],
        ];
        const out: string[] = [];
        for (const [d, m, payload] of calls) {
          const r = await c[d]![m]!(payload);
          out.push(r.ok ? 'ok' : r.error!.code);
        }
        return out;
      },
      { id: articleId, target },
    );
    expect(codes).toEqual(['invalid-payload', 'invalid-payload', 'invalid-payload', 'invalid-payload']);
    expect(refusals().slice(before)).toHaveLength(4);
    for (const ext of ['.html', '', '.sqlite', '.csv']) expect(existsSync(`${target}${ext}`)).toBe(false);
  });

  it('leaves the user’s own choice working: the dialog’s grant imports, once', async () => {
    const page = session.page;
    session.backend.nextPaths = [join(dir, 'chosen')];
    await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'import-folder' }));
    await waitForText(page.getByTestId('import-summary'), /^1 imported/, 30_000);
    expect((await articles()).value.articles).toBe(2);
    // Spent: the dialog's grant. Left for their rightful use: the other window's and the two of other scopes.
    expect(session.backend.grants.size).toBe(3);
  });
});
