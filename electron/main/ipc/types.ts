// How a contract method is served. Plain archive work names where it runs
// ('read': any worker of the read pool, 'write': the single writer worker) and
// is executed inside that worker thread; shell work ('main': dialogs, links,
// starting an import) runs in main with a context of capabilities. This file
// is electron-free so dispatch and every handler are testable under Node.
import type { Archive } from '../../archive/archive.ts';
import type { Contract, DomainContract, DomainName, EventPayload, MethodOutput, MethodParsed, ServedMethods } from '../../../shared/contract/index.ts';
import type { Result } from '../../../shared/result.ts';
import type { ImportReportSummaryValue } from '../../../shared/contract/import.ts';
import type { PathGrants } from '../grants/pathGrants.ts';
import type { SyncStatusValue } from '../../../shared/contract/sync.ts';

export type Where = 'read' | 'write';

export interface WorkerHandler<I, O> {
  readonly where: Where;
  run(archive: Archive, input: I): O | Promise<O>;
}

/** Which window a call came from: grants are bound to it. */
export interface Caller {
  /** The sending web contents' id (Electron's webContents.id; one per page in the Chromium tests). */
  readonly contentsId: number;
}

export interface MainHandler<I, O> {
  readonly where: 'main';
  run(ctx: MainContext, input: I, caller: Caller): O | Promise<O>;
}

export type Handler<I, O> = WorkerHandler<I, O> | MainHandler<I, O>;

/** One handler per method main serves: the page's methods and the preload-only ones. */
export type DomainHandlers<D extends DomainContract> = {
  readonly [K in keyof ServedMethods<D>]: Handler<MethodParsed<ServedMethods<D>[K]>, MethodOutput<ServedMethods<D>[K]>>;
};

export type Handlers = { readonly [D in DomainName]: DomainHandlers<Contract[D]> };

export function reader<I, O>(run: (archive: Archive, input: I) => O | Promise<O>): WorkerHandler<I, O> {
  return { where: 'read', run };
}

export function writer<I, O>(run: (archive: Archive, input: I) => O | Promise<O>): WorkerHandler<I, O> {
  return { where: 'write', run };
}

export function inMain<I, O>(run: (ctx: MainContext, input: I, caller: Caller) => O | Promise<O>): MainHandler<I, O> {
  return { where: 'main', run };
}

/** Send an event of the contract to the window(s). */
export type Emit = <D extends DomainName, E extends keyof Contract[D]['events'] & string>(
  domainName: D,
  eventName: E,
  payload: EventPayload<Contract[D]['events'][E]>,
) => void;

/** Native dialogs. Only handlers call them, and every path they answer becomes a grant (../grants/). */
export interface Dialogs {
  openPaths(kind: 'files' | 'folder'): Promise<string[]>;
  saveFile(options: { title: string; defaultName: string; extensions: string[] }): Promise<string | null>;
  /** One folder (created if need be), e.g. where a batch export goes; null when cancelled. */
  chooseFolder(options: { title: string }): Promise<string | null>;
}

export interface Logger {
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

/** What the worker pool offers main-side handlers (see ../worker/pool.ts). */
export interface WorkerAccess {
  call(where: Where, channel: string, input: unknown): Promise<Result<unknown>>;
  /** `onProgress` receives what the operation reports while it runs (e.g. a batch export). */
  op(where: Where, name: string, args: unknown, onProgress?: (progress: unknown) => void): Promise<Result<unknown>>;
}

export interface ImportControl {
  start(paths: string[], options: { timezone?: string }): Result<{ started: true }>;
  cancel(): { cancelling: boolean };
  lastReport(): ImportReportSummaryValue | null;
}

export interface MainContext {
  readonly archivePath: string;
  readonly version: string;
  readonly platform: string;
  readonly workers: WorkerAccess;
  readonly imports: ImportControl;
  readonly dialogs: Dialogs;
  /** What the user chose, held for the window: the only source of the paths handlers touch. */
  readonly grants: PathGrants;
  writeTextFile(path: string, text: string): Promise<void>;
  /** The system clipboard: HTML with its plain-text alternative (main-side, the sandboxed page may lack clipboard access). */
  writeClipboard(data: { html: string; text: string }): void | Promise<void>;
  readonly emit: Emit;
  readonly log: Logger;
  /** The shared archive: keeps the password in the OS keychain and runs the background sync (absent in tests without it). */
  readonly sync?: SyncControl;
}

export interface SyncControl {
  connect(input: { name: string; url: string; desk: string; password: string }): Promise<SyncStatusValue>;
}
