// Maps request paths onto files of the built renderer (renderer/dist) without ever leaving that
// directory, and prepares index.html (a CSP <meta> fallback; never a secret). Shared by the browser-mode host
// and Electron's app:// protocol.
import path from 'node:path';
import { META_CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export const contentTypeFor = (filePath: string): string =>
  CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file under `distDir` a URL path names, or null when it is malformed or escapes the
 * directory. Extension-less paths fall back to index.html (client-side routes).
 */
export const resolveStaticPath = (distDir: string, urlPath: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const root = path.resolve(distDir);
  if (decoded.split('/').includes('..')) return null;
  const relative = path.posix.normalize(decoded.startsWith('/') ? decoded : `/${decoded}`);
  if (relative === '/' || path.posix.extname(relative) === '') return path.join(root, 'index.html');
  const resolved = path.resolve(root, `.${relative}`);
  return resolved.startsWith(root + path.sep) ? resolved : null;
};

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Adds a CSP `<meta>` fallback (unless the page already carries one) at the top of `<head>`.
 * Browser mode authenticates by an HttpOnly cookie, so nothing secret is ever put in the page.
 */
export const prepareIndexHtml = (html: string): string => {
  const tags: string[] = [];
  if (!/http-equiv=["']?Content-Security-Policy/i.test(html)) {
    tags.push(
      `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(META_CONTENT_SECURITY_POLICY)}">`,
    );
  }
  if (tags.length === 0) return html;
  // After <meta charset> when there is one (it should come first), else right after <head>.
  const anchor = /<meta\s+charset=[^>]*>/i.exec(html) ?? /<head[^>]*>/i.exec(html);
  if (!anchor) return `${tags.join('')}${html}`;
  const at = anchor.index + anchor[0].length;
  return `${html.slice(0, at)}${tags.join('')}${html.slice(at)}`;
};
