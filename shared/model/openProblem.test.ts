import { describe, expect, it } from 'vitest';
import { openProblemFromHash, openProblemHash, waysOut } from './openProblem.ts';

describe('open problem', () => {
  it('round-trips through the URL hash and refuses anything else', () => {
    const problem = { code: 'corrupt', archivePath: "/home/ed/Desk's archive/a.sqlite", message: 'header damaged #1 & more' };
    expect(openProblemFromHash(openProblemHash(problem))).toEqual(problem);
    expect(openProblemFromHash('')).toBeNull();
    expect(openProblemFromHash('#open-problem=%7Bnot json')).toBeNull();
    expect(openProblemFromHash(`#open-problem=${encodeURIComponent('{"code":1}')}`)).toBeNull();
  });

  it('offers restore, salvage and read-only with exact commands for this file', () => {
    expect(waysOut('/data/archive.copydesk.sqlite').map((w) => w.command)).toEqual([
      'copydesk --db /data/archive.copydesk.sqlite restore-backup latest',
      'copydesk --db /data/archive.copydesk.sqlite salvage /data/archive.copydesk.salvaged.sqlite',
      'copydesk --db /data/archive.copydesk.sqlite --read-only search "…"',
    ]);
    expect(waysOut("/a b/it's.sqlite")[0]!.command).toBe(`copydesk --db '/a b/it'\\''s.sqlite' restore-backup latest`);
  });
});
