// Bundled (esbuild, IIFE) into the page as an init script: installs
// window.copydesk with the REAL preload builder, over a Playwright binding
// instead of ipcRenderer. Events arrive through window.__copydeskEmit.
import { buildApi } from '../../../electron/preload/buildApi.ts';
import type { CopydeskApi } from '../../../shared/contract/index.ts';

declare global {
  interface Window {
    readonly copydesk?: CopydeskApi;
    __copydeskInvoke(channel: string, payload: unknown): Promise<unknown>;
    __copydeskEmit(channel: string, payload: unknown): void;
    __copydeskDropRoot?: string;
  }
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();

window.__copydeskEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};

const api = buildApi(
  {
    invoke: (channel, payload) => window.__copydeskInvoke(channel, payload),
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  },
  {
    // A test stands in for Electron's webUtils.getPathForFile: dropped files live in a known folder.
    app: { pathForFile: (file: unknown) => (window.__copydeskDropRoot && file instanceof File ? `${window.__copydeskDropRoot}/${file.name}` : '') },
  },
);

Object.defineProperty(window, 'copydesk', { value: api, enumerable: true });
