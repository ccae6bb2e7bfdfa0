// The app's own origin, and the check that an IPC call or a navigation comes from it. A frame
// showing anything else (an injected iframe, a page reached by some bug) gets nothing from main.

export const APP_SCHEME = 'app';
export const APP_HOST = 'pos';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export const isAppUrl = (url: string | null | undefined): boolean => {
  if (typeof url !== 'string' || url === '') return false;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
};

/** The parts of an IPC event the check reads (Electron's IpcMainInvokeEvent has them). */
export interface SenderEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** Only the top frame of our own page may call the till API. */
export const isTrustedSender = (event: SenderEventLike): boolean => {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
};
