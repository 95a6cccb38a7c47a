// Path grants: what the user chose is usable once, by the window it was chosen
// in, for the kind of work it was chosen for, for a few minutes; everything
// else is refused with forbidden-path and logged.
import { describe, expect, it } from 'vitest';
import { toErrorValue } from '../../../shared/result.ts';
import type { Logger } from '../ipc/types.ts';
import { PathGrants } from './pathGrants.ts';

function store(options: { now?: () => number; maxLive?: number } = {}) {
  const warned: string[] = [];
  const log: Logger = { info: () => undefined, warn: (m) => void warned.push(m), error: () => undefined };
  return { grants: new PathGrants({ log, ...options }), warned };
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return toErrorValue(error).code;
  }
  return 'accepted';
}

describe('path grants', () => {
  it('gives back the chosen paths once, to the window that chose them, for that scope', () => {
    const { grants, warned } = store();
    const g = grants.issue(7, 'import', ['/home/desk/in', '/home/desk/b.txt'], 'dialog');
    expect(g.paths).toEqual(['/home/desk/in', '/home/desk/b.txt']);
    expect(grants.redeem(7, g.id, 'import')).toEqual(['/home/desk/in', '/home/desk/b.txt']);
    expect(refusal(() => grants.redeem(7, g.id, 'import'))).toBe('forbidden-path'); // single use
    expect(warned).toEqual(['IPC refused: path grant unknown (made up, already used or forgotten)']);
  });

  it('issues unguessable ids: 256 random bits, never repeated', () => {
    const { grants } = store({ maxLive: 10_000 });
    const ids = new Set(Array.from({ length: 2000 }, () => grants.issue(1, 'import', ['/a'], 'drop').id));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a made-up id, another window and the wrong scope, and keeps the grant for its rightful use', () => {
    const { grants, warned } = store();
    const g = grants.issue(1, 'import', ['/data/in'], 'drop');
    expect(refusal(() => grants.redeem(1, 'A'.repeat(43), 'import'))).toBe('forbidden-path');
    expect(refusal(() => grants.redeem(2, g.id, 'import'))).toBe('forbidden-path');
    expect(refusal(() => grants.redeem(1, g.id, 'export'))).toBe('forbidden-path');
    expect(refusal(() => grants.redeem(1, g.id, 'backup'))).toBe('forbidden-path');
    expect(warned).toEqual([
      'IPC refused: path grant unknown (made up, already used or forgotten)',
      'IPC refused: path grant of another window (1)',
      'IPC refused: path grant of scope import, not export',
      'IPC refused: path grant of scope import, not backup',
    ]);
    expect(grants.redeem(1, g.id, 'import')).toEqual(['/data/in']);
  });

  it('lets a grant expire', () => {
    let now = 1_000_000;
    const { grants, warned } = store({ now: () => now });
    const g = grants.issue(1, 'export', ['/out'], 'dialog');
    now += 5 * 60_000;
    expect(refusal(() => grants.redeem(1, g.id, 'export'))).toBe('forbidden-path');
    expect(warned).toEqual(['IPC refused: path grant expired']);
    expect(grants.size).toBe(0);
  });

  it('holds a bounded number of grants, dropping the oldest, and forgets a closed window’s', () => {
    const { grants } = store({ maxLive: 3 });
    const first = grants.issue(1, 'import', ['/1'], 'drop');
    const rest = [grants.issue(1, 'import', ['/2'], 'drop'), grants.issue(2, 'import', ['/3'], 'drop'), grants.issue(1, 'import', ['/4'], 'drop')];
    expect(grants.size).toBe(3);
    expect(refusal(() => grants.redeem(1, first.id, 'import'))).toBe('forbidden-path');
    grants.forget(1);
    expect(grants.size).toBe(1);
    expect(grants.redeem(2, rest[1]!.id, 'import')).toEqual(['/3']);
  });

  it('never issues an empty grant', () => {
    expect(() => store().grants.issue(1, 'import', [], 'dialog')).toThrow();
  });
});
