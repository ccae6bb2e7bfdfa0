// Electron main: one hardened window showing the renderer from app://pos, the till core in this
// process, and one IPC handler per API method. Everything testable lives in the modules it wires.
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openTillCore } from '../core/tillCore';
import { registerAppScheme, serveRendererOnAppScheme } from './appProtocol';
import { CONTENT_SECURITY_POLICY } from '../shell/contentSecurityPolicy';
import { DEMO_OWNER_PIN, ensureDemoShop } from '../shell/demoShop';
import { createCsvSave } from './csvSave';
import { registerIpcHandlers } from './ipcHandlers';
import { createSalePrint } from './receiptPrinter';
import { safeStorageSeal } from './safeStorageSeal';
import { APP_INDEX_URL, isAppUrl } from './senderCheck';
import { mainWindowOptions } from './windowOptions';

const log = (message: string): void => console.error(message);
let mainWindow: BrowserWindow | null = null;

const hardenSession = (): void => {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // No page download is ever saved; CSV exports go through dashboard-csv-save (csvSave.ts).
  ses.on('will-download', (event) => event.preventDefault());
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
};

/** Applies to every webContents, including ones we never meant to create. */
const lockDownContents = (): void => {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
};

const createMainWindow = async (): Promise<void> => {
  const window = new BrowserWindow(
    mainWindowOptions({
      preloadPath: path.join(__dirname, 'preload.cjs'),
      devTools: !app.isPackaged,
    }),
  );
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  await window.loadURL(APP_INDEX_URL);
};

const focusMainWindow = (): void => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
};

const start = async (): Promise<void> => {
  const dataDir = process.env.POS_DATA_DIR ?? app.getPath('userData');
  // The HQ token is kept sealed by the OS keychain; without one it stays plain in till.sqlite.
  const tokenSeal = safeStorageSeal(safeStorage);
  if (!tokenSeal) log('No OS keychain for safeStorage: the HQ token is stored unencrypted.');
  const core = openTillCore({ dataDir, log, sync: tokenSeal ? { tokenSeal } : {} });
  let closed = false;
  app.on('will-quit', () => {
    if (closed) return;
    closed = true;
    core.close();
  });

  if (process.argv.includes('--demo')) {
    log('Preparing the demo shop (first run takes a moment)...');
    const demo = await ensureDemoShop(core.dispatch);
    if (!demo.ok) log(`Could not create the demo shop: ${demo.error.message}`);
    else if (demo.value.created) log(`Demo shop created. Owner PIN: ${DEMO_OWNER_PIN}`);
  }

  hardenSession();
  serveRendererOnAppScheme(path.join(app.getAppPath(), 'renderer', 'dist'));
  registerIpcHandlers(ipcMain, core.dispatch, {
    overrides: {
      'sale-print': createSalePrint(core.dispatch, path.join(dataDir, 'receipts')),
      'dashboard-csv-save': createCsvSave({
        showSaveDialog: (options) =>
          mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
        writeFile: (filePath, data) => writeFile(filePath, data, 'utf8'),
        defaultDir: app.getPath('documents'),
      }),
    },
    log,
  });
  await createMainWindow();
};

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  lockDownContents();
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log(
        `Counterline POS failed to start: ${error instanceof Error ? (error.stack ?? message) : message}`,
      );
      dialog.showErrorBox('Counterline POS could not start', message);
      app.exit(1);
    });
}
