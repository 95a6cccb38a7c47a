// The preload: the page's only door to main. It exposes window.copydesk, built
// from the contract (see buildApi.ts); ipcRenderer itself never crosses the bridge.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from './buildApi.ts';

const api = buildApi(
  {
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe(channel, listener) {
      const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, wrapped);
      return () => {
        ipcRenderer.removeListener(channel, wrapped);
      };
    },
  },
  {
    app: {
      pathForFile(file: unknown): string {
        try {
          return webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]);
        } catch {
          return '';
        }
      },
    },
  },
);

contextBridge.exposeInMainWorld('copydesk', api);
