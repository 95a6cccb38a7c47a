// The contract's names without its schemas, for the sandboxed preload: a
// sandboxed preload cannot load npm packages, and bundling zod and the Lexical
// node registry into it just to read method names would be waste. The type
// below makes this list match the contract exactly: a missing or extra name
// fails to compile (and contract.test.ts checks it again at run time).
import type { PreloadMethods } from './define.ts';
import type { Contract, DomainName } from './index.ts';

type Names<T> = { readonly [K in keyof T]: true };

export type ContractManifest = {
  readonly [D in DomainName]: {
    readonly methods: Names<Contract[D]['methods']>;
    /** Served by main, called only by the preload's local helpers: never on window.copydesk. */
    readonly preload: Names<PreloadMethods<Contract[D]>>;
    readonly events: Names<Contract[D]['events']>;
    readonly local: Names<NonNullable<Contract[D] extends { local: infer L } ? L : object>>;
  };
};

export const manifest = {
  app: {
    methods: { info: true, choosePaths: true },
    preload: { grantDropped: true },
    events: { menu: true },
    local: { dropFiles: true },
  },
  archive: {
    methods: { search: true, getArticle: true, getOriginal: true, stats: true, check: true, facets: true, createArticle: true, backup: true },
    preload: {},
    events: { changed: true },
    local: {},
  },
  editor: {
    methods: {
      open: true,
      create: true,
      autosave: true,
      save: true,
      saveOnTop: true,
      history: true,
      diff: true,
      restore: true,
      setStatus: true,
      nameRevision: true,
      subjectSuggestions: true,
      setReadyRules: true,
    },
    preload: {},
    events: {},
    local: {},
  },
  export: {
    methods: { preview: true, copyHtml: true, saveAs: true, batch: true },
    preload: {},
    events: { progress: true },
    local: {},
  },
  import: {
    methods: { start: true, cancel: true, lastReport: true, reportRows: true, saveReport: true },
    preload: {},
    events: { started: true, progress: true, finished: true },
    local: {},
  },
  sync: {
    methods: { status: true, syncNow: true, conflict: true, resolve: true, lock: true, unlock: true, breakLock: true, connect: true },
    preload: {},
    events: { changed: true },
    local: {},
  },
} as const satisfies ContractManifest;
