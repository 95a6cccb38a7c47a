// Builds window.copydesk from the contract (its names, via manifest.ts): for every method a named function
// that invokes exactly that channel, for every event an `on<Event>` function.
// Nothing generic (no send, no channel argument) reaches the page. Kept free of
// electron so the contract tests can check it under Node.
import type { CopydeskApi, DomainName } from '../../shared/contract/index.ts';
import { eventChannel, eventFunctionName, methodChannel } from '../../shared/contract/define.ts';
import { manifest } from '../../shared/contract/manifest.ts';
import { err, type Result } from '../../shared/result.ts';

export interface Transport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Subscribe to one event channel; the listener gets the payload only, never the IPC event. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

export type Locals = { readonly [D in DomainName]?: Readonly<Record<string, (...args: never[]) => unknown>> };

function buildDomain<D extends DomainName>(name: D, transport: Transport, locals: Locals): CopydeskApi[D] {
  const spec = manifest[name];
  const api: Record<string, unknown> = {};
  for (const methodName of Object.keys(spec.methods)) {
    const channel = methodChannel(name, methodName);
    api[methodName] = async (input: unknown): Promise<Result<unknown>> => {
      try {
        return (await transport.invoke(channel, input)) as Result<unknown>;
      } catch {
        // ipcRenderer.invoke rejects only when main has no such handler or is gone.
        return err('unavailable', `Copydesk could not reach ${name}.${methodName}.`);
      }
    };
  }
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

export function buildApi(transport: Transport, locals: Locals): CopydeskApi {
  return Object.freeze({
    app: buildDomain('app', transport, locals),
    archive: buildDomain('archive', transport, locals),
    editor: buildDomain('editor', transport, locals),
    export: buildDomain('export', transport, locals),
    import: buildDomain('import', transport, locals),
    sync: buildDomain('sync', transport, locals),
  } satisfies CopydeskApi);
}
