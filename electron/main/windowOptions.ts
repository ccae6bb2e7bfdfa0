// The BrowserWindow options, kept as plain data so a test can pin every security switch.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** The hardening every window of ours shares, whatever it shows. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  experimentalFeatures: false,
  enableBlinkFeatures: '',
  safeDialogs: true,
} as const satisfies WebPreferences;

export const mainWindowOptions = (options: {
  preloadPath: string;
  devTools: boolean;
}): BrowserWindowConstructorOptions => ({
  title: 'Counterline POS',
  width: 1366,
  height: 860,
  minWidth: 1024,
  minHeight: 640,
  // Shown on 'ready-to-show' so the till never flashes an empty frame.
  show: false,
  backgroundColor: '#ffffff',
  autoHideMenuBar: true,
  webPreferences: {
    ...SECURE_WEB_PREFERENCES,
    preload: options.preloadPath,
    devTools: options.devTools,
    spellcheck: false,
  },
});

/** A hidden window that only lays out one receipt: no preload, no script at all. */
export const receiptWindowOptions = (): BrowserWindowConstructorOptions => ({
  show: false,
  width: 420,
  height: 900,
  webPreferences: {
    ...SECURE_WEB_PREFERENCES,
    javascript: false,
    devTools: false,
    spellcheck: false,
  },
});
