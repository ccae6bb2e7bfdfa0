// Serves the built renderer from `app://pos/…` so the page has a real, fixed origin (checked on
// every IPC call) instead of file://, with the CSP and hardening headers on every response.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { contentTypeFor, prepareIndexHtml, resolveStaticPath } from '../shell/staticFiles';
import { SECURITY_HEADERS } from '../shell/contentSecurityPolicy';
import { APP_HOST, APP_SCHEME } from './senderCheck';

/** Must run before the app is ready. */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
};

const notFound = (): Response =>
  new Response('Not found', {
    status: 404,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' },
  });

/** Call once the app is ready. */
export const serveRendererOnAppScheme = (distDir: string): void => {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD'))
      return notFound();
    const file = resolveStaticPath(distDir, url.pathname);
    if (file === null) return notFound();
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return notFound();
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) };
    const body = file.endsWith('index.html')
      ? prepareIndexHtml(content.toString('utf8'))
      : new Uint8Array(content);
    return new Response(body, { status: 200, headers });
  });
};
