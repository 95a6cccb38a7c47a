// Issue 14, "the page can name any file": import.start took paths from the
// renderer, so a script in the page could import /etc/hostname and read it
// back. Now every path main touches for the user comes from its own dialog or
// a drop, held as a grant; the page passes grant ids. These drive the real gate
// and handlers as a compromised page would, and as the real page does.
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract/index.ts';
import { methodChannel } from '../../../shared/contract/define.ts';
import { ok, type Result } from '../../../shared/result.ts';
import { createDispatcher, type Sender } from './dispatch.ts';
import { stubContext } from './fuzzing.ts';
import { handlers } from './registry.ts';
import type { Logger, MainContext } from './types.ts';

const WINDOW: Sender = { url: 'app://copydesk/index.html', isMainFrame: true, contentsId: 1 };
const OTHER_WINDOW: Sender = { ...WINDOW, contentsId: 2 };
const call = (channel: string) => methodChannel(...(channel.split('.') as [string, string]));

function gate(choose: { open?: string[]; save?: string | null; folder?: string | null } = {}) {
  const logged: string[] = [];
  const log: Logger = { info: () => undefined, warn: (m) => void logged.push(m), error: (m) => void logged.push(m) };
  const imported: string[][] = [];
  const ops: Array<{ name: string; args: unknown }> = [];
  const base = stubContext({ log });
  const context: MainContext = {
    ...base,
    imports: { ...base.imports, start: (paths) => (imported.push(paths), ok({ started: true as const })) },
    dialogs: { openPaths: async () => choose.open ?? [], saveFile: async () => choose.save ?? null, chooseFolder: async () => choose.folder ?? null },
    workers: {
      call: async (_where, channel) => (channel === methodChannel('export', 'preview') ? ok({ stem: 'story', headline: 'Story' }) : ok({ articles: 0 })),
      op: async (_where, name, args) => {
        ops.push({ name, args });
        return name === 'exportQueryIds' ? ok({ ids: ['a1'] }) : ok({ outDir: '/chosen', exported: 1, failed: 0, manifest: null, files: [] });
      },
    },
  };
  const d = createDispatcher({ contract, handlers, trustedOrigin: 'app://copydesk', context: () => context, log });
  const dispatch = (channel: string, payload: unknown, sender: Sender = WINDOW) => d.dispatch(call(channel), payload, sender) as Promise<Result<never>>;
  return { dispatch, context, logged, imported, ops };
}

const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

describe('paths only by the user’s act', () => {
  it('refuses raw paths where a grant belongs, and logs it', async () => {
    const g = gate();
    for (const payload of [{ paths: ['/etc/hostname'] }, { grant: '/etc/hostname' }, { grant: '../../.ssh' }, { grant: ['x'] }, { grant: 'ok', paths: ['/etc'] }]) {
      expect(code(await g.dispatch('import.start', payload)), JSON.stringify(payload)).toBe('invalid-payload');
    }
    expect(g.imported).toEqual([]);
    expect(g.logged.filter((m) => m === 'IPC refused: invalid payload')).toHaveLength(5);
  });

  it('imports what the dialog chose, once, in the window that chose it', async () => {
    const g = gate({ open: ['/home/desk/wire'] });
    const chosen = (await g.dispatch('app.choosePaths', { kind: 'folder' })) as Result<{ grant: { id: string; paths: string[] } }>;
    if (!chosen.ok) throw new Error(chosen.error.message);
    expect(chosen.value.grant.paths).toEqual(['/home/desk/wire']);
    const { id } = chosen.value.grant;
    expect(code(await g.dispatch('import.start', { grant: id }, OTHER_WINDOW))).toBe('forbidden-path');
    expect(code(await g.dispatch('import.start', { grant: id, timezone: 'Asia/Seoul' }))).toBe('ok');
    expect(g.imported).toEqual([['/home/desk/wire']]);
    expect(code(await g.dispatch('import.start', { grant: id }))).toBe('forbidden-path'); // spent
    expect(g.logged).toEqual(['IPC refused: path grant of another window (1)', 'IPC refused: path grant unknown (made up, already used or forgotten)']);
  });

  it('refuses forged ids and grants of another scope', async () => {
    const g = gate();
    expect(code(await g.dispatch('import.start', { grant: 'A'.repeat(43) }))).toBe('forbidden-path');
    const exportGrant = g.context.grants.issue(1, 'export', ['/home/desk/out'], 'dialog');
    const backupGrant = g.context.grants.issue(1, 'backup', ['/home/desk/b.sqlite'], 'dialog');
    expect(code(await g.dispatch('import.start', { grant: exportGrant.id }))).toBe('forbidden-path');
    expect(code(await g.dispatch('import.start', { grant: backupGrant.id }))).toBe('forbidden-path');
    expect(g.imported).toEqual([]);
    expect(g.logged).toHaveLength(3);
  });

  it('gives nothing for a cancelled dialog', async () => {
    const g = gate({ open: [] });
    expect(await g.dispatch('app.choosePaths', { kind: 'files' })).toEqual({ ok: true, value: { grant: null } });
    expect(g.context.grants.size).toBe(0);
  });

  it('grants a drop only for whole absolute paths (what webUtils reads from real files)', async () => {
    const g = gate();
    for (const path of ['relative/x.txt', 'x.txt', '/tmp/a\u0000b']) {
      expect(code(await g.dispatch('app.grantDropped', { paths: ['/ok/a.txt', path] })), path).toBe('forbidden-path');
    }
    const dropped = (await g.dispatch('app.grantDropped', { paths: ['/home/desk/a.txt'] })) as Result<{ grant: { id: string } }>;
    if (!dropped.ok) throw new Error(dropped.error.message);
    expect(code(await g.dispatch('import.start', { grant: dropped.value.grant.id }))).toBe('ok');
    expect(g.imported).toEqual([['/home/desk/a.txt']]);
  });

  it('takes export and backup destinations only from main’s own dialog, never from the payload', async () => {
    const g = gate({ save: '/home/desk/story.html', folder: '/home/desk/batch' });
    for (const [method, payload] of [
      ['export.saveAs', { id: 'a1', format: 'html', path: '/etc/cron.d/x' }],
      ['export.batch', { ids: ['a1'], format: 'md', outDir: '/etc' }],
      ['archive.backup', { path: '/etc/passwd' }],
      ['import.saveReport', { path: '/etc/passwd' }],
    ] as const) {
      expect(code(await g.dispatch(method, payload)), method).toBe('invalid-payload');
    }
    expect(g.ops).toEqual([]);
    expect(code(await g.dispatch('export.saveAs', { id: 'a1', format: 'html' }))).toBe('ok');
    expect(code(await g.dispatch('export.batch', { ids: ['a1'], format: 'md' }))).toBe('ok');
    expect(code(await g.dispatch('archive.backup', {}))).toBe('ok');
    expect(g.ops.map((o) => [o.name, (o.args as { path?: string; outDir?: string }).path ?? (o.args as { outDir?: string }).outDir])).toEqual([
      ['exportToFile', '/home/desk/story.html'],
      ['exportBatch', '/home/desk/batch'],
      ['backupTo', '/home/desk/story.html'],
    ]);
    expect(g.context.grants.size).toBe(0); // each destination was spent by the call that asked for it
  });
});
