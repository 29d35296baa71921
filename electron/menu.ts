/** The Dutch application menu, as a plain template so it can be tested without Electron. */
import type { MenuItemConstructorOptions } from 'electron';
import { t } from '../shared/i18n/nl';

export interface MenuActions {
  newWorkspace(): void;
  open(): void;
  openRecent(path: string): void;
  saveCopy(): void;
  /** The sheet or report on screen as a PDF file (Activiteitenblad, Input, Verslag). */
  savePdf(): void;
  quit(): void;
  undo(): void;
  redo(): void;
  showHelp(): void;
  openDataDir(): void;
}

export function buildMenuTemplate(actions: MenuActions, recent: { path: string; fileName: string }[], isMac: boolean): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: t('menu.geen_recente_bestanden'), enabled: false }]
      : recent.map((r) => ({ label: r.fileName, toolTip: r.path, click: () => actions.openRecent(r.path) }));
  return [
    ...(isMac ? [{ role: 'appMenu' as const, label: 'Regieboek' }] : []),
    {
      label: t('menu.bestand'),
      submenu: [
        { label: t('menu.nieuw_werkbestand'), accelerator: 'CmdOrCtrl+N', click: () => actions.newWorkspace() },
        { label: t('menu.openen'), accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
        { label: t('menu.opslaan_als_kopie'), accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveCopy() },
        { label: t('menu.recente_bestanden'), submenu: recentItems },
        { type: 'separator' },
        { label: t('menu.opslaan_als_pdf'), accelerator: 'CmdOrCtrl+Shift+P', click: () => actions.savePdf() },
        { type: 'separator' },
        { label: t('menu.gegevensmap_tonen'), click: () => actions.openDataDir() },
        { type: 'separator' },
        { label: t('menu.afsluiten'), accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: t('menu.bewerken'),
      submenu: [
        // Ctrl+Z in a text field undoes typing; elsewhere the page turns it into "history.undo".
        { label: t('menu.laatste_wijziging_ongedaan_maken'), click: () => actions.undo() },
        { label: t('menu.laatste_wijziging_opnieuw'), click: () => actions.redo() },
        { type: 'separator' },
        { role: 'undo', label: t('menu.typen_ongedaan_maken') },
        { role: 'redo', label: t('menu.opnieuw') },
        { type: 'separator' },
        { role: 'cut', label: t('menu.knippen') },
        { role: 'copy', label: t('menu.kopieren') },
        { role: 'paste', label: t('menu.plakken') },
        { role: 'selectAll', label: t('menu.alles_selecteren') },
      ],
    },
    {
      label: t('menu.beeld'),
      submenu: [
        { role: 'reload', label: t('menu.opnieuw_laden') },
        { type: 'separator' },
        { role: 'resetZoom', label: t('menu.ware_grootte') },
        { role: 'zoomIn', label: t('menu.inzoomen') },
        { role: 'zoomOut', label: t('menu.uitzoomen') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu.volledig_scherm') },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [{ label: t('menu.help_bij_regieboek'), accelerator: 'F1', click: () => actions.showHelp() }],
    },
  ];
}
