// The native menu bar. Commands that need the window's state (import, new
// article, export) are sent to the renderer as `app.menu` events; the rest are roles.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../../shared/contract/app.ts';

export function installMenu(send: (command: MenuCommand) => void): void {
  const isMac = process.platform === 'darwin';
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(command),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('New Article', 'new-article', 'CmdOrCtrl+N'),
        { type: 'separator' },
        item('Import Files…', 'import-files', 'CmdOrCtrl+O'),
        item('Import Folder…', 'import-folder', 'CmdOrCtrl+Shift+O'),
        item('Export…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        item('Back Up Archive…', 'backup', 'CmdOrCtrl+Shift+B'),
        { type: 'separator' },
        // Cmd/Ctrl+W closes the article tab (its edits are saved as it closes), as in browsers and IDEs; the window keeps Shift.
        item('Close Tab', 'close-tab', 'CmdOrCtrl+W'),
        isMac ? { role: 'close', accelerator: 'Cmd+Shift+W' } : { role: 'quit', accelerator: 'Ctrl+Q' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        // Shown but not registered: the page handles Ctrl/Cmd+F itself, so the editor can keep it for find-and-replace.
        { ...item('Find in Archive', 'find', 'CmdOrCtrl+F'), registerAccelerator: false },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      label: '&Help',
      role: 'help',
      submenu: [item('Search Syntax', 'help', 'F1'), item('Check Archive Integrity', 'check'), ...(isMac ? [] : [item('About Copydesk', 'about')])],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
