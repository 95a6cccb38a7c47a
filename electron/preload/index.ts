// The preload: the page's only door to main. It exposes window.copydesk, built
// from the contract (see buildApi.ts); ipcRenderer itself never crosses the bridge.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from './buildApi.ts';
import { dropFiles } from './dropFiles.ts';

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
  (preload) => ({
    app: {
      // Each dropped File arrives as its own argument, as Electron's webUtils documentation passes them.
      dropFiles: dropFiles((file) => webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]), preload),
    },
  }),
);

contextBridge.exposeInMainWorld('copydesk', api);
