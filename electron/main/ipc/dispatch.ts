// The one gate every renderer call passes: trusted sender → known method →
// payload valid against the contract's schema → handler. Whatever happens, the
// answer is a Result value; nothing throws across the boundary. Electron-free:
// main wires it to ipcMain, the Chromium e2e tests to page.exposeBinding.
import type { z } from 'zod';
import type { DomainContract } from '../../../shared/contract/define.ts';
import { methodChannel } from '../../../shared/contract/define.ts';
import { err, ok, type Result, toErrorValue } from '../../../shared/result.ts';
import type { Handler, Logger, MainContext } from './types.ts';

/** Who sent a call, as far as main can tell. */
export interface Sender {
  /** The sending frame's URL; null when the frame is gone. */
  url: string | null;
  /** True only for a window's top-level frame (not an iframe). */
  isMainFrame: boolean;
  /** The sending window's web contents id: path grants are bound to it. */
  contentsId: number;
}

export interface Route {
  channel: string;
  domain: string;
  method: string;
  schema: z.ZodType;
  handler: Handler<unknown, unknown>;
  /** Called only by the preload's own helpers, never exposed on window.copydesk. */
  preloadOnly: boolean;
}

export interface DispatcherOptions {
  contract: Readonly<Record<string, DomainContract>>;
  handlers: Readonly<Record<string, Readonly<Record<string, Handler<never, unknown>>>>>;
  /** The origin our pages load from, e.g. `app://copydesk`. */
  trustedOrigin: string;
  context: () => MainContext;
  log: Logger;
}

export interface Dispatcher {
  readonly routes: ReadonlyMap<string, Route>;
  dispatch(channel: unknown, payload: unknown, sender: Sender): Promise<Result<unknown>>;
}

export function buildRoutes(contract: DispatcherOptions['contract'], handlers: DispatcherOptions['handlers']): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const [domainName, spec] of Object.entries(contract)) {
    const served = [...Object.entries(spec.methods).map((e) => [...e, false] as const), ...Object.entries(spec.preload ?? {}).map((e) => [...e, true] as const)];
    for (const [methodName, methodSpec, preloadOnly] of served) {
      const handler = handlers[domainName]?.[methodName];
      if (!handler) throw new Error(`No handler for ${domainName}.${methodName}: add it to electron/main/ipc/${domainName}.ts`);
      const channel = methodChannel(domainName, methodName);
      routes.set(channel, { channel, domain: domainName, method: methodName, schema: methodSpec.input, handler: handler as Handler<unknown, unknown>, preloadOnly });
    }
  }
  return routes;
}

export function isTrustedSender(sender: Sender, trustedOrigin: string): boolean {
  if (!sender.isMainFrame || sender.url === null) return false;
  try {
    const url = new URL(sender.url);
    // URL.origin is "null" for non-special schemes such as app:, so compare scheme and host.
    return `${url.protocol}//${url.host}` === trustedOrigin;
  } catch {
    return false;
  }
}

/** A channel as a log can show it; String() itself throws for an object without a usable toString. */
function label(channel: unknown): string {
  try {
    return String(channel).slice(0, 100);
  } catch {
    return `(${typeof channel})`;
  }
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const routes = buildRoutes(options.contract, options.handlers);
  const { log } = options;

  async function dispatch(channel: unknown, payload: unknown, sender: Sender): Promise<Result<unknown>> {
    if (!isTrustedSender(sender, options.trustedOrigin)) {
      log.warn('IPC refused: foreign sender', { channel: label(channel), url: sender.url?.slice(0, 200) ?? null });
      return err('forbidden-sender', 'This call did not come from the Copydesk window.');
    }
    const route = typeof channel === 'string' ? routes.get(channel) : undefined;
    if (!route) {
      log.warn('IPC refused: unknown method', { channel: label(channel) });
      return err('unknown-method', 'Copydesk has no such method.');
    }
    const parsed = route.schema.safeParse(payload);
    if (!parsed.success) {
      // Clipped: a hostile key or value (zod quotes unknown keys) must not make the log line or the answer huge.
      const detail = parsed.error.issues
        .slice(0, 3)
        .map((i) => clip(`${i.path.map(String).join('.') || 'payload'}: ${i.message}`, 200))
        .join('; ');
      log.warn('IPC refused: invalid payload', { channel: route.channel, detail });
      return err('invalid-payload', `Invalid request for ${route.domain}.${route.method}: ${detail}`);
    }
    try {
      const handler = route.handler;
      if (handler.where === 'main') return ok(await handler.run(options.context(), parsed.data, { contentsId: sender.contentsId }));
      return await options.context().workers.call(handler.where, route.channel, parsed.data);
    } catch (error) {
      const value = toErrorValue(error);
      if (value.code === 'internal') log.error(`IPC ${route.channel} failed`, error);
      else log.info(`IPC ${route.channel}: ${value.code}`, value.message);
      return { ok: false, error: value };
    }
  }

  return { routes, dispatch };
}
