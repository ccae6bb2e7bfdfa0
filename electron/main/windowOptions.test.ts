import { describe, expect, it } from 'vitest';
import { mainWindowOptions, receiptWindowOptions } from './windowOptions';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../shell/contentSecurityPolicy';

describe('window security options', () => {
  it('isolates and sandboxes the main window, with the preload as the only bridge', () => {
    const options = mainWindowOptions({
      preloadPath: '/app/build/out/electron/preload.cjs',
      devTools: false,
    });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/build/out/electron/preload.cjs',
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
      devTools: false,
    });
    expect(options.show).toBe(false);
  });

  it('gives the receipt window no preload and no script', () => {
    const prefs = receiptWindowOptions().webPreferences ?? {};
    expect(prefs.preload).toBeUndefined();
    expect(prefs).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('sends the agreed CSP and hardening headers', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self' 'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data:");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(SECURITY_HEADERS).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });
});
