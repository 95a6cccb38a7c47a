/* global Request */
// Starts the BUILT main process (out/main/index.js) under plain Node with the
// electron stand-in, then drives what it registered and prints one JSON line.
import { register } from 'node:module';
register(new URL('./hooks.mjs', import.meta.url));

const { recorded, answers, BrowserWindow } = await import('./electron.mjs');
await import(process.env.FAKE_ELECTRON_MAIN);

const until = async (check, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};
await until(() => recorded.windows.length > 0 || recorded.errors.length > 0);
const win = BrowserWindow.getAllWindows()[0];
const out = { errors: recorded.errors, url: win?.url, webPreferences: win?.options.webPreferences, schemes: recorded.schemes, channels: [...recorded.ipc.keys()].sort() };

const frame = (url, parent = null) => ({ url, parent, processId: 1, routingId: win.id });
const invoke = (channel, payload, senderFrame = frame('app://copydesk/index.html')) =>
  recorded.ipc.get(channel)({ sender: win.webContents, senderFrame }, payload);
const settle = () => new Promise((r) => setTimeout(r, 50));

out.stats = await invoke('copydesk:archive.stats', {});
out.search = await invoke('copydesk:archive.search', { query: 'anything', limit: 5 });
out.badPayload = await invoke('copydesk:archive.search', { query: 42 });
out.foreignOrigin = await invoke('copydesk:archive.stats', {}, frame('https://evil.example/'));
out.subFrame = await invoke('copydesk:archive.stats', {}, frame('app://copydesk/index.html', {}));
out.unknownChannelRegistered = recorded.ipc.has('copydesk:archive.drop');
// Paths only by the user's act: raw paths and made-up grants are refused.
out.rawPaths = await invoke('copydesk:import.start', { paths: ['/etc/hostname'] });
out.forgedGrant = await invoke('copydesk:import.start', { grant: 'A'.repeat(43) });
out.cancelledDialog = await invoke('copydesk:app.choosePaths', { kind: 'files' });

const handler = recorded.protocols.get('app');
const page = await handler(new Request('app://copydesk/index.html'));
out.page = { status: page.status, csp: page.headers.get('content-security-policy'), type: page.headers.get('content-type'), html: (await page.text()).slice(0, 2000) };
const escape = await handler(new Request('app://copydesk/..%2f..%2fpackage.json'));
out.escapeStatus = escape.status;
const otherHost = await handler(new Request('app://evil/index.html'));
out.otherHostStatus = otherHost.status;

// Guards installed on every web contents. Electron passes one details object (the positional url is deprecated).
const event = (url, extra = {}) => ({ url, ...extra, prevented: false, preventDefault() { this.prevented = true; } });
const navigation = event('https://example.com/story');
win.webContents.emit('will-navigate', navigation, navigation.url);
await settle();
out.navigationBlocked = navigation.prevented;
out.askedBeforeOpening = recorded.messageBoxes.map((b) => ({ message: b.message, url: b.detail.split('\n')[0], buttons: b.buttons, cancelId: b.cancelId, parented: b.parented }));
out.openedAfterCancel = [...recorded.openedExternal];
answers.messageBox = 0;
const mail = event('mailto:desk@example.com?subject=x&attach=/etc/passwd');
win.webContents.emit('will-navigate', mail, mail.url);
await settle();
out.openedAfterYes = [...recorded.openedExternal];
const inFrame = event('https://example.com/in-preview', { isMainFrame: false });
win.webContents.emit('will-frame-navigate', inFrame);
out.frameNavigationBlocked = inFrame.prevented;
const srcdoc = event('about:srcdoc', { isMainFrame: false });
win.webContents.emit('will-frame-navigate', srcdoc);
out.srcdocAllowed = !srcdoc.prevented;
await settle();
out.messageBoxesAfterFrame = recorded.messageBoxes.length;
const webview = { prevented: false, preventDefault() { this.prevented = true; } };
win.webContents.emit('will-attach-webview', webview);
out.webviewBlocked = webview.prevented;
out.windowOpen = win.webContents.windowOpenHandler?.({ url: 'https://example.com/' });
let permission = null;
recorded.permissionHandler?.({}, 'media', (granted) => (permission = granted));
out.permissionGranted = permission;
out.menu = recorded.menu?.template.map((m) => m.label ?? m.role);
out.fileMenu = recorded.menu?.template.find((m) => m.label === '&File')?.submenu.map((i) => i.label ?? i.role ?? i.type);

console.log(`SMOKE ${JSON.stringify(out)}`);
process.exit(0);
