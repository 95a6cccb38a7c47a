// Connects the dispatcher to ipcMain: exactly one handler per contract
// method, nothing else. The sender check uses the frame that sent the call.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Dispatcher, Sender } from './dispatch.ts';

export function senderOf(event: IpcMainInvokeEvent): Sender {
  const frame = event.senderFrame;
  if (!frame) return { url: null, isMainFrame: false, contentsId: event.sender.id };
  const main = event.sender.mainFrame;
  // Compare ids, not wrapper objects: a frame is the main frame when it is the top of the sender's window.
  const isMainFrame = frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return { url: frame.url, isMainFrame, contentsId: event.sender.id };
}

export function wireIpc(dispatcher: Dispatcher): () => void {
  for (const channel of dispatcher.routes.keys()) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatcher.dispatch(channel, payload, senderOf(event)));
  }
  return () => {
    for (const channel of dispatcher.routes.keys()) ipcMain.removeHandler(channel);
  };
}
