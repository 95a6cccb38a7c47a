// The contract, the handlers and the preload agree exactly, and no payload —
// 1,000 random ones per method — makes the boundary throw: every answer is a
// Result, and a failure carries a known code.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../../shared/contract/index.ts';
import { eventChannel, eventFunctionName, methodChannel } from '../../../shared/contract/define.ts';
import { manifest } from '../../../shared/contract/manifest.ts';
import { ERROR_CODES, type Result, toErrorValue } from '../../../shared/result.ts';
import { tempArchive, type TempArchive } from '../../archive/testing/tempArchive.ts';
import { buildApi } from '../../preload/buildApi.ts';
import { dropFiles } from '../../preload/dropFiles.ts';
import { createDispatcher, isTrustedSender, type Sender } from './dispatch.ts';
import { contractMethods, FOREIGN_SENDERS, hostilePayloads, methodSchema, payloads, silentLog, stubContext } from './fuzzing.ts';
import { handlers } from './registry.ts';

const ORIGIN = 'app://copydesk';
const OWN: Sender = { url: 'app://copydesk/index.html', isMainFrame: true, contentsId: 1 };
const silent = silentLog;
const preloadOf = (spec: object): object => ('preload' in spec ? (spec.preload as object) : {});

const dispatcher = createDispatcher({ contract, handlers, trustedOrigin: ORIGIN, context: () => stubContext(), log: silent });
const methods = contractMethods;

function expectResult(result: Result<unknown>): void {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(ERROR_CODES).toContain(result.error.code);
    expect(typeof result.error.message).toBe('string');
  }
}

describe('the contract', () => {
  it('has a handler for every method (the page’s and the preload-only ones) and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    for (const [d, spec] of Object.entries(contract)) {
      expect(Object.keys(handlers[d as keyof typeof handlers]).sort(), d).toEqual([...Object.keys(spec.methods), ...Object.keys(preloadOf(spec))].sort());
    }
    expect([...dispatcher.routes.keys()].sort()).toEqual(methods().map(([d, m]) => methodChannel(d, m)).sort());
    expect([...dispatcher.routes.values()].filter((r) => r.preloadOnly).map((r) => r.channel)).toEqual(['copydesk:app.grantDropped']);
  });

  it('has a zod schema for every method', () => {
    for (const [d, m] of methods()) expect(methodSchema(d, m), `${d}.${m}`).toBeInstanceOf(z.ZodType);
  });

  it('takes no path from the page: no method the page can call has a path-like field', () => {
    const pathish = /path|dir|folder|file|dest/i;
    for (const [d, spec] of Object.entries(contract)) {
      for (const [m, method] of Object.entries(spec.methods)) {
        const input = (method as { input: z.ZodType }).input;
        const keys = input instanceof z.ZodObject ? Object.keys(input.shape) : [];
        expect(keys.filter((k) => pathish.test(k)), `${d}.${m}`).toEqual([]);
      }
    }
  });

  it('lists exactly the same names in the preload manifest', () => {
    for (const [d, spec] of Object.entries(contract)) {
      const names = manifest[d as keyof typeof manifest];
      expect(Object.keys(names.methods).sort(), d).toEqual(Object.keys(spec.methods).sort());
      expect(Object.keys(names.preload).sort(), d).toEqual(Object.keys(preloadOf(spec)).sort());
      expect(Object.keys(names.events).sort(), d).toEqual(Object.keys(spec.events).sort());
      expect(Object.keys(names.local).sort(), d).toEqual(Object.keys('local' in spec ? spec.local : {}).sort());
    }
  });

  it('gives the preload a named function per method and event, invoking only that channel', async () => {
    const invoked: string[] = [];
    const subscribed: string[] = [];
    const api = buildApi(
      {
        invoke: async (channel) => {
          invoked.push(channel);
          return { ok: true, value: null };
        },
        subscribe: (channel) => {
          subscribed.push(channel);
          return () => undefined;
        },
      },
      (preload) => ({ app: { dropFiles: dropFiles((f) => (f === 'real-file' ? '/home/desk/dropped.txt' : ''), preload) } }),
    );
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    for (const [d, spec] of Object.entries(contract)) {
      const domainApi = (api as unknown as Record<string, Record<string, unknown>>)[d] ?? {};
      const expected = [...Object.keys(spec.methods), ...Object.keys(spec.events).map(eventFunctionName), ...Object.keys('local' in spec ? spec.local : {})];
      expect(Object.keys(domainApi).sort(), d).toEqual(expected.sort());
      for (const m of Object.keys(spec.methods)) {
        await (domainApi[m] as (x: unknown) => Promise<unknown>)({});
        expect(invoked.at(-1)).toBe(methodChannel(d, m));
      }
      for (const e of Object.keys(spec.events)) {
        (domainApi[eventFunctionName(e)] as (f: () => void) => unknown)(() => undefined);
        expect(subscribed.at(-1)).toBe(eventChannel(d, e));
      }
    }
    // Nothing generic reaches the page, and no preload-only method is on it.
    for (const word of ['send', 'invoke', 'on', 'ipcRenderer', 'sendSync']) expect(api).not.toHaveProperty(word);
    expect(api.app).not.toHaveProperty('grantDropped');
    expect(invoked).not.toContain('copydesk:app.grantDropped');
    // The drop helper asks main only with paths it read from real files, never with what the page made.
    expect(await api.app.dropFiles('made-up', { name: '/etc/hostname' }, 42)).toEqual({ ok: true, value: { grant: null } });
    expect(invoked).not.toContain('copydesk:app.grantDropped');
    await api.app.dropFiles('real-file', 'made-up');
    expect(invoked.at(-1)).toBe('copydesk:app.grantDropped');
  });

  it('turns a failing transport into an error value', async () => {
    const api = buildApi({ invoke: () => Promise.reject(new Error('No handler registered')), subscribe: () => () => undefined }, (preload) => ({ app: { dropFiles: dropFiles(() => '/x', preload) } }));
    expect(await api.archive.stats({})).toEqual({ ok: false, error: { code: 'unavailable', message: expect.any(String) } });
  });
});

describe('dispatch', () => {
  it.each(methods())('%s.%s answers 1,000 random payloads with values, never a throw', async (d, m) => {
    const schema = methodSchema(d, m);
    await fc.assert(
      fc.asyncProperty(payloads(schema), async (payload) => {
        const result = await dispatcher.dispatch(methodChannel(d, m), payload, OWN);
        expectResult(result);
        if (!schema.safeParse(payload).success) expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
      }),
      { numRuns: 1000 },
    );
  });

  it.each(methods())('%s.%s answers wrong-shape, oversized and prototype-polluting payloads with values', async (d, m) => {
    const schema = methodSchema(d, m);
    for (const payload of hostilePayloads(schema)) {
      const result = await dispatcher.dispatch(methodChannel(d, m), payload, OWN);
      expectResult(result);
      if (!schema.safeParse(payload).success) expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses unknown channels', async () => {
    const noToString = Object.create(null) as object; // String() throws on it: the gate must not
    for (const channel of ['copydesk:archive.drop', 'archive:search', '', null, 42, { toString: () => 'x' }, 'copydesk:__proto__.constructor', noToString, Symbol('x')]) {
      expect(await dispatcher.dispatch(channel, {}, OWN)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
      expect(await dispatcher.dispatch(channel, {}, FOREIGN_SENDERS[0]!)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
  });

  it('refuses foreign senders before reading the payload', async () => {
    for (const sender of FOREIGN_SENDERS) {
      expect(isTrustedSender(sender, ORIGIN)).toBe(false);
      expect(await dispatcher.dispatch(methodChannel('archive', 'search'), { query: 'x' }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(isTrustedSender(OWN, ORIGIN)).toBe(true);
  });

  it('turns a throwing handler into an internal error value and logs it', async () => {
    const errors: string[] = [];
    const throwing = createDispatcher({
      contract,
      handlers,
      trustedOrigin: ORIGIN,
      context: () => ({ ...stubContext(), dialogs: { ...stubContext().dialogs, openPaths: () => Promise.reject(new Error('boom')) } }),
      log: { ...silent, error: (message) => errors.push(message) },
    });
    expect(await throwing.dispatch(methodChannel('app', 'choosePaths'), { kind: 'files' }, OWN)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(errors).toHaveLength(1);
  });
});

describe('worker handlers on a real archive', () => {
  let t: TempArchive;
  beforeAll(() => {
    t = tempArchive();
    t.archive.createArticle({ headline: 'Ferry timetable approved', section: 'local' });
  });
  afterAll(() => t.cleanup());

  it('answer random valid payloads with values or coded errors, never a crash', async () => {
    for (const [d, m] of methods()) {
      const handler = (handlers as unknown as Record<string, Record<string, { where: string; run: (a: unknown, i: unknown) => unknown }>>)[d]?.[m];
      if (!handler || handler.where === 'main' || handler.where === 'write') continue;
      const schema = methodSchema(d, m);
      await fc.assert(
        fc.asyncProperty(payloads(schema), async (payload) => {
          const parsed = schema.safeParse(payload);
          if (!parsed.success) return;
          try {
            await handler.run(t.archive, parsed.data);
          } catch (error) {
            expect(toErrorValue(error).code, `${d}.${m} ${String(error)}`).not.toBe('internal');
          }
        }),
        { numRuns: 300 },
      );
    }
  });
});
