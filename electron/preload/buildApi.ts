// Builds window.copydesk from the contract (its names, via manifest.ts): for every method a named function
// that invokes exactly that channel, for every event an `on<Event>` function, and the domain's local helpers.
// Preload-only methods (manifest `preload`) are built the same way but handed only to the local helpers,
// never put on the page's object. Nothing generic (no send, no channel argument) reaches the page. Kept
// free of electron so the contract tests can check it under Node.
import type { Contract, CopydeskApi, DomainName } from '../../shared/contract/index.ts';
import { eventChannel, eventFunctionName, methodChannel, type PreloadCalls } from '../../shared/contract/define.ts';
import { manifest } from '../../shared/contract/manifest.ts';
import { err, type Result } from '../../shared/result.ts';

export interface Transport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Subscribe to one event channel; the listener gets the payload only, never the IPC event. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

export type Locals = { readonly [D in DomainName]?: Readonly<Record<string, (...args: never[]) => unknown>> };

/** Every domain's preload-only methods, for the local helpers alone. */
export type PreloadApi = { readonly [D in DomainName]: PreloadCalls<Contract[D]> };

function invoker(transport: Transport, name: string, methodName: string) {
  const channel = methodChannel(name, methodName);
  return async (input: unknown): Promise<Result<unknown>> => {
    try {
      return (await transport.invoke(channel, input)) as Result<unknown>;
    } catch {
      // ipcRenderer.invoke rejects only when main has no such handler or is gone.
      return err('unavailable', `Copydesk could not reach ${name}.${methodName}.`);
    }
  };
}

function buildPreloadApi(transport: Transport): PreloadApi {
  const all: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(manifest)) {
    all[name] = Object.freeze(Object.fromEntries(Object.keys(spec.preload).map((m) => [m, invoker(transport, name, m)])));
  }
  return Object.freeze(all) as PreloadApi;
}

function buildDomain<D extends DomainName>(name: D, transport: Transport, locals: Locals): CopydeskApi[D] {
  const spec = manifest[name];
  const api: Record<string, unknown> = {};
  for (const methodName of Object.keys(spec.methods)) api[methodName] = invoker(transport, name, methodName);
  for (const eventName of Object.keys(spec.events)) {
    const channel = eventChannel(name, eventName);
    api[eventFunctionName(eventName)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return transport.subscribe(channel, (payload) => listener(payload));
    };
  }
  for (const localName of Object.keys(spec.local)) {
    const fn = locals[name]?.[localName];
    if (!fn) throw new Error(`preload: no implementation for local ${name}.${localName}`);
    api[localName] = fn;
  }
  return Object.freeze(api) as CopydeskApi[D];
}

/** `makeLocals` gets the preload-only methods; whatever it returns is all of them the page can reach. */
export function buildApi(transport: Transport, makeLocals: (preload: PreloadApi) => Locals): CopydeskApi {
  const locals = makeLocals(buildPreloadApi(transport));
  return Object.freeze({
    app: buildDomain('app', transport, locals),
    archive: buildDomain('archive', transport, locals),
    editor: buildDomain('editor', transport, locals),
    export: buildDomain('export', transport, locals),
    import: buildDomain('import', transport, locals),
    sync: buildDomain('sync', transport, locals),
  } satisfies CopydeskApi);
}
