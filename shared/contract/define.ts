// The building blocks of the IPC contract. A domain declares its methods (a
// zod schema for the payload plus the value type it answers with), the events
// main pushes to the renderer, the few preload-local helpers, and the methods
// only those helpers call (never exposed on window.copydesk). Main, preload
// and renderer derive every signature from these declarations.
import type { z } from 'zod';
import type { Result } from '../result.ts';

// Phantom keys: they exist only in types, so the contract stays plain data at run time.
declare const OUTPUT: unique symbol;
declare const PAYLOAD: unique symbol;
declare const LOCAL: unique symbol;

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly [OUTPUT]?: O;
}

export interface EventSpec<P = unknown> {
  readonly kind: 'event';
  readonly [PAYLOAD]?: P;
}

export interface LocalSpec<F = unknown> {
  readonly kind: 'local';
  readonly [LOCAL]?: F;
}

export interface DomainContract {
  readonly methods: Readonly<Record<string, MethodSpec>>;
  /**
   * Methods main serves but the page never sees: only the preload's own local
   * helpers call them (e.g. with paths it read from dropped files). The page has
   * no ipcRenderer, so it cannot reach them except through those helpers.
   */
  readonly preload?: Readonly<Record<string, MethodSpec>>;
  readonly events: Readonly<Record<string, EventSpec>>;
  readonly local?: Readonly<Record<string, LocalSpec>>;
}

/** A domain's preload-only methods ({} when it has none). */
export type PreloadMethods<D extends DomainContract> = D extends { preload: infer P } ? P : Record<never, never>;

/** A domain's methods served by main: the page's and the preload-only ones. */
export type ServedMethods<D extends DomainContract> = D['methods'] & PreloadMethods<D>;

/** `method<Answer>()(schema)`: curried so the payload type is inferred from the schema. */
export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });
}

export function event<P>(): EventSpec<P> {
  return { kind: 'event' };
}

/** A function the preload implements on its own, without IPC (e.g. a dropped file's path). */
export function local<F>(): LocalSpec<F> {
  return { kind: 'local' };
}

export function domain<const D extends DomainContract>(d: D): D {
  return d;
}

export type MethodInput<M> = M extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type MethodParsed<M> = M extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type MethodOutput<M> = M extends MethodSpec<z.ZodType, infer O> ? O : never;
export type EventPayload<E> = E extends EventSpec<infer P> ? P : never;
export type LocalFunction<L> = L extends LocalSpec<infer F> ? F : never;

export type Listener<P> = (payload: P) => void;
export type Unsubscribe = () => void;

/** `progress` → `onProgress`. */
export type EventFunctionName<K extends string> = `on${Capitalize<K>}`;

export function eventFunctionName<K extends string>(name: K): EventFunctionName<K> {
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as EventFunctionName<K>;
}

export function methodChannel(domainName: string, methodName: string): string {
  return `copydesk:${domainName}.${methodName}`;
}

export function eventChannel(domainName: string, eventName: string): string {
  return `copydesk:${domainName}!${eventName}`;
}

type MethodFunctions<M> = {
  readonly [K in keyof M]: (input: MethodInput<M[K]>) => Promise<Result<MethodOutput<M[K]>>>;
};

/** The preload-only methods of a domain, as the preload's local helpers call them. */
export type PreloadCalls<D extends DomainContract> = MethodFunctions<PreloadMethods<D>>;

/** What `window.copydesk.<domain>` holds for one domain. */
export type DomainApi<D extends DomainContract> = MethodFunctions<D['methods']> & {
  readonly [K in keyof D['events'] & string as EventFunctionName<K>]: (listener: Listener<EventPayload<D['events'][K]>>) => Unsubscribe;
} & {
  readonly [K in keyof NonNullable<D['local']>]: LocalFunction<NonNullable<D['local']>[K]>;
};
