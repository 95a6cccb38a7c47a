// Bundled (esbuild, IIFE) into the page as an init script: installs
// window.copydesk with the REAL preload builder, over a Playwright binding
// instead of ipcRenderer. Events arrive through window.__copydeskEmit.
// Like ipcRenderer in the app's isolated preload, the binding is taken out of
// the page's reach before any page script runs: the page has only window.copydesk.
import { buildApi } from '../../../electron/preload/buildApi.ts';
import { dropFiles } from '../../../electron/preload/dropFiles.ts';
import type { CopydeskApi } from '../../../shared/contract/index.ts';

declare global {
  interface Window {
    readonly copydesk?: CopydeskApi;
    __copydeskInvoke?(channel: string, payload: unknown): Promise<unknown>;
    __copydeskEmit(channel: string, payload: unknown): void;
    /** How the backend delivers events: as JSON text, parsed here (see backend.ts for why). */
    __copydeskEmitJson(channel: string, json: string): void;
    __copydeskDropRoot?: string;
  }
}

const invoke = window.__copydeskInvoke?.bind(window);
delete window.__copydeskInvoke;
const dropRoot = window.__copydeskDropRoot;
delete window.__copydeskDropRoot;

const listeners = new Map<string, Set<(payload: unknown) => void>>();

window.__copydeskEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};
// Looks __copydeskEmit up on each call, so a test that wraps it sees every event.
window.__copydeskEmitJson = (channel, json) => window.__copydeskEmit(channel, json === undefined ? undefined : JSON.parse(json));

const api = buildApi(
  {
    // The binding answers with JSON text (see backend.ts).
    invoke: (channel, payload) => (invoke ? invoke(channel, payload).then((json) => JSON.parse(json as string)) : Promise.reject(new Error('no binding'))),
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  },
  (preload) => ({
    // Stands in for Electron's webUtils.getPathForFile: in a session opened with a drop folder, a File
    // named n is that folder's n; without one, no File has a path (as for a File the page made itself).
    app: { dropFiles: dropFiles((file) => (dropRoot && file instanceof File && !file.name.includes('/') ? `${dropRoot}/${file.name}` : ''), preload) },
  }),
);

Object.defineProperty(window, 'copydesk', { value: api, enumerable: true });
