/** The Dutch application menu, as a plain template so it can be tested without Electron. */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newWorkspace(): void;
  open(): void;
  openRecent(path: string): void;
  saveCopy(): void;
  /** The sheet or report on screen as a PDF file (Activiteitenblad, Input, Verslag). */
  savePdf(): void;
  quit(): void;
  undo(): void;
  showHelp(): void;
  openDataDir(): void;
}

export function buildMenuTemplate(actions: MenuActions, recent: { path: string; fileName: string }[], isMac: boolean): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'Geen recente bestanden', enabled: false }]
      : recent.map((r) => ({ label: r.fileName, toolTip: r.path, click: () => actions.openRecent(r.path) }));
  return [
    ...(isMac ? [{ role: 'appMenu' as const, label: 'Regieboek' }] : []),
    {
      label: 'Bestand',
      submenu: [
        { label: 'Nieuw werkbestand…', accelerator: 'CmdOrCtrl+N', click: () => actions.newWorkspace() },
        { label: 'Openen…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
        { label: 'Opslaan als kopie…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveCopy() },
        { label: 'Recente bestanden', submenu: recentItems },
        { type: 'separator' },
        { label: 'Opslaan als PDF…', accelerator: 'CmdOrCtrl+Shift+P', click: () => actions.savePdf() },
        { type: 'separator' },
        { label: 'Gegevensmap tonen', click: () => actions.openDataDir() },
        { type: 'separator' },
        { label: 'Afsluiten', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: 'Bewerken',
      submenu: [
        // Ctrl+Z in a text field undoes typing; elsewhere the page turns it into "history.undo".
        { label: 'Laatste wijziging ongedaan maken', click: () => actions.undo() },
        { type: 'separator' },
        { role: 'undo', label: 'Typen ongedaan maken' },
        { role: 'redo', label: 'Opnieuw' },
        { type: 'separator' },
        { role: 'cut', label: 'Knippen' },
        { role: 'copy', label: 'Kopiëren' },
        { role: 'paste', label: 'Plakken' },
        { role: 'selectAll', label: 'Alles selecteren' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        { role: 'reload', label: 'Opnieuw laden' },
        { type: 'separator' },
        { role: 'resetZoom', label: 'Ware grootte' },
        { role: 'zoomIn', label: 'Inzoomen' },
        { role: 'zoomOut', label: 'Uitzoomen' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Volledig scherm' },
      ],
    },
    {
      label: 'Help',
      submenu: [{ label: 'Help bij Regieboek', accelerator: 'F1', click: () => actions.showHelp() }],
    },
  ];
}
