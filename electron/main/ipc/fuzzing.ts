// Shared by the contract's fuzz test (contract.test.ts) and the fault suite's
// IPC family (tests/faults/families/ipcShell.ts): every contract method, a
// fast-check generator of payloads for a method's schema, hand-made hostile
// payloads and senders, and a main context whose capabilities answer harmlessly
// (so a random payload that passes validation can run its handler and never
// opens a dialog, starts an import or writes a file). Electron-free.
import fc from 'fast-check';
import { z } from 'zod';
import { contract } from '../../../shared/contract/index.ts';
import { err } from '../../../shared/result.ts';
import { PathGrants } from '../grants/pathGrants.ts';
import type { Sender } from './dispatch.ts';
import type { Logger, MainContext, WorkerAccess } from './types.ts';

export const silentLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** [domain, method] for every method main serves: the page's and the preload-only ones (a compromised page cannot call those, but main must hold if it could). */
export function contractMethods(): Array<[string, string]> {
  return Object.entries(contract).flatMap(([d, spec]) => [...Object.keys(spec.methods), ...Object.keys('preload' in spec ? spec.preload : {})].map((m) => [d, m] as [string, string]));
}

export function methodSchema(domainName: string, methodName: string): z.ZodType {
  const spec = (contract as Record<string, { methods: Record<string, { input: z.ZodType }>; preload?: Record<string, { input: z.ZodType }> }>)[domainName];
  const schema = spec?.methods[methodName]?.input ?? spec?.preload?.[methodName]?.input;
  if (!schema) throw new Error(`no such method ${domainName}.${methodName}`);
  return schema;
}

/** Payloads shaped like the schema (its keys, random values) as well as anything at all. */
export function payloads(schema: z.ZodType): fc.Arbitrary<unknown> {
  const shape = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const keyed = shape.length
    ? fc.record(Object.fromEntries(shape.map((k) => [k, fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.array(fc.string()))])), { requiredKeys: [] })
    : fc.constant({});
  return fc.oneof(fc.anything(), keyed, fc.dictionary(fc.string(), fc.anything()));
}

/** Hand-made payloads no generator is likely to hit: wrong shapes, oversized values, prototype pollution, deep nesting. */
export function hostilePayloads(schema: z.ZodType): unknown[] {
  const shape = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const keys = shape.length > 0 ? shape : ['id']; // a method without input still gets keys it must refuse
  const big = 'x'.repeat(4 * 1024 * 1024);
  let deep: unknown = {};
  for (let i = 0; i < 5_000; i++) deep = { [keys[0] ?? 'a']: deep };
  const withEach = (value: unknown) => Object.fromEntries(keys.map((k) => [k, value]));
  return [
    undefined,
    null,
    0,
    -1,
    NaN,
    'archive.search',
    true,
    [],
    [{}],
    new Uint8Array(1024),
    new Date(0),
    new Map([['query', 'x']]),
    big,
    withEach(big),
    withEach(Array.from({ length: 200_000 }, (_, i) => i)),
    withEach({ length: 1e9 }),
    withEach(-1e308),
    withEach(Number.MAX_SAFE_INTEGER + 2),
    withEach('\u0000\uD800\uDFFF\uFFFE'),
    withEach('../../../../etc/passwd'),
    withEach("'); DROP TABLE articles; --"),
    deep,
    JSON.parse('{"__proto__":{"polluted":"yes"}}'),
    JSON.parse(`{${keys.map((k) => `"${k}":"x"`).join(',')}${keys.length ? ',' : ''}"__proto__":{"polluted":"yes"}}`),
    { constructor: { prototype: { polluted: 'yes' } } },
    JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
    withEach(JSON.parse('{"__proto__":{"polluted":"yes"}}')),
    { ...withEach('x'), ['k'.repeat(100_000)]: 1 },
    { [Symbol('s')]: 1, ...withEach('x') },
    // A compromised page naming files: raw paths where a grant or nothing belongs, forged grant ids.
    ...PATH_ATTEMPTS,
  ];
}

/** What a script in the page would send to reach a file the user never chose. */
export const PATH_ATTEMPTS: readonly unknown[] = [
  { paths: ['/etc/hostname'] },
  { paths: ['/home/desk/.ssh/id_ed25519'], timezone: 'UTC' },
  { grant: '/etc/hostname' },
  { grant: 'C:\\Windows\\win.ini' },
  { grant: 'A'.repeat(43) },
  { grant: '' },
  { grant: 'x'.repeat(129) },
  { path: '/etc/passwd' },
  { outDir: '/etc' },
  { id: 'a', format: 'html', path: '/tmp/x.html' },
];

/** Senders main must refuse: other origins, look-alike hosts, sub-frames of our own page, vanished frames. */
export const FOREIGN_SENDERS: readonly Sender[] = [
  { url: 'https://evil.example/', isMainFrame: true, contentsId: 1 },
  { url: 'app://copydesk/index.html', isMainFrame: false, contentsId: 1 },
  { url: 'app://other/index.html', isMainFrame: true, contentsId: 1 },
  { url: 'file:///etc/passwd', isMainFrame: true, contentsId: 1 },
  { url: 'app://copydesk.evil/index.html', isMainFrame: true, contentsId: 1 },
  { url: 'app://copydesk@evil.example/index.html', isMainFrame: true, contentsId: 1 },
  { url: 'app://COPYDESK/index.html', isMainFrame: true, contentsId: 1 },
  { url: 'about:blank', isMainFrame: true, contentsId: 1 },
  { url: 'about:srcdoc', isMainFrame: false, contentsId: 1 },
  { url: 'data:text/html,<script>1</script>', isMainFrame: true, contentsId: 1 },
  { url: 'javascript:alert(1)', isMainFrame: true, contentsId: 1 },
  { url: 'http://127.0.0.1:5173/index.html', isMainFrame: true, contentsId: 1 },
  { url: 'devtools://devtools/bundled/inspector.html', isMainFrame: true, contentsId: 1 },
  { url: 'chrome-extension://abc/page.html', isMainFrame: true, contentsId: 1 },
  { url: '', isMainFrame: true, contentsId: 1 },
  { url: null, isMainFrame: true, contentsId: 1 },
  { url: 'not a url', isMainFrame: true, contentsId: 1 },
];

/** A context whose capabilities all answer harmlessly; `workers` may be real ones (a temp archive) or the default stub. */
export function stubContext(options: { log?: Logger; workers?: WorkerAccess } = {}): MainContext {
  return {
    archivePath: '/tmp/none.sqlite',
    version: '0',
    platform: 'linux',
    workers: options.workers ?? { call: async () => err('unavailable', 'stub'), op: async () => err('unavailable', 'stub') },
    imports: { start: () => err('busy', 'stub'), cancel: () => ({ cancelling: false }), lastReport: () => null },
    dialogs: { openPaths: async () => [], saveFile: async () => null, chooseFolder: async () => null },
    grants: new PathGrants({ log: options.log ?? silentLog }),
    writeTextFile: async () => undefined,
    writeClipboard: () => undefined,
    emit: () => undefined,
    log: options.log ?? silentLog,
  };
}
