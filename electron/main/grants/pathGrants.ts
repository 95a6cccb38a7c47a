// Path grants held by main: the only way a path the user chose (in main's
// native dialog, or by dropping files on the window) becomes one main reads or
// writes. Each grant is an unguessable id bound to the window it was issued
// to, scoped (import / export / backup), single use and short-lived. A
// refusal names why (forged or spent, expired, another window's, wrong scope),
// is logged, and reaches the page as a `forbidden-path` error value.
// Electron-free: the handlers, the contract tests and the Chromium harness use it as is.
import { randomBytes } from 'node:crypto';
import type { GrantScope, PathGrantValue } from '../../../shared/contract/grants.ts';
import { IpcError } from '../ipc/errors.ts';
import type { Logger } from '../ipc/types.ts';

/** How the user made the choice. */
export type GrantSource = 'dialog' | 'drop';

interface Grant {
  readonly scope: GrantScope;
  readonly owner: number;
  readonly paths: readonly string[];
  readonly source: GrantSource;
  readonly expiresAt: number;
}

export interface PathGrantsOptions {
  log: Logger;
  /** How long a grant waits to be used (the window uses it at once; this only bounds a forgotten one). */
  ttlMs?: number;
  /** Grants waiting at once; the oldest goes first beyond this. */
  maxLive?: number;
  now?: () => number;
}

export const GRANT_TTL_MS = 5 * 60_000;

export class PathGrants {
  private readonly live = new Map<string, Grant>();
  private readonly log: Logger;
  private readonly ttlMs: number;
  private readonly maxLive: number;
  private readonly now: () => number;

  constructor(options: PathGrantsOptions) {
    this.log = options.log;
    this.ttlMs = options.ttlMs ?? GRANT_TTL_MS;
    this.maxLive = options.maxLive ?? 64;
    this.now = options.now ?? Date.now;
  }

  /** Record what the user chose in window `owner` and return the grant the window may hand back. */
  issue(owner: number, scope: GrantScope, paths: readonly string[], source: GrantSource): PathGrantValue {
    if (paths.length === 0) throw new Error('a grant needs at least one path');
    const id = randomBytes(32).toString('base64url');
    this.live.set(id, { scope, owner, paths: [...paths], source, expiresAt: this.now() + this.ttlMs });
    for (const oldest of this.live.keys()) {
      if (this.live.size <= this.maxLive) break;
      this.live.delete(oldest);
    }
    this.log.info(`path grant issued: ${scope} by ${source}, ${paths.length} path(s)`, { owner, paths: paths.slice(0, 3) });
    return { id, paths: [...paths] };
  }

  /**
   * The paths of grant `id` for a `scope` operation asked by window `owner`; the grant is spent.
   * Anything else throws a `forbidden-path` IpcError after logging why; a foreign or
   * wrong-scope attempt leaves the grant to its rightful use.
   */
  redeem(owner: number, id: string, scope: GrantScope): string[] {
    const grant = this.live.get(id);
    const refuse = (why: string): never => {
      this.log.warn(`IPC refused: path grant ${why}`, { owner, scope, grant: `${id.slice(0, 6)}…` });
      throw new IpcError('forbidden-path', 'Copydesk reads and writes only the files you choose in its dialogs or drop on its window; choose them again.');
    };
    if (!grant) return refuse('unknown (made up, already used or forgotten)');
    if (grant.expiresAt <= this.now()) {
      this.live.delete(id);
      return refuse('expired');
    }
    if (grant.owner !== owner) return refuse(`of another window (${grant.owner})`);
    if (grant.scope !== scope) return refuse(`of scope ${grant.scope}, not ${scope}`);
    this.live.delete(id);
    return [...grant.paths];
  }

  /** A window closed: its grants go with it. */
  forget(owner: number): void {
    for (const [id, grant] of this.live) if (grant.owner === owner) this.live.delete(id);
  }

  get size(): number {
    return this.live.size;
  }
}
