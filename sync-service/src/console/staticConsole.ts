// Serves the built console web app (renderer/dist-console, built with `npm run build:console`) at
// /console/, with a strict Content-Security-Policy: scripts, styles and connections only from
// this origin, no framing. Paths without a file extension get the app's page (client-side
// routes); a missing build answers a plain page saying how to build it, checked per request so
// a build made after start-up is served without a restart.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const DEFAULT_CONSOLE_DIR = fileURLToPath(
  new URL('../../../renderer/dist-console', import.meta.url),
);

export const CONSOLE_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

const INDEX_FILES = ['console.html', 'index.html'];

const MISSING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>HQ console not built</title></head>
<body><h1>The HQ console is not built yet</h1>
<p>Run <code>npm run build:console</code> in the repository, then reload this page.</p>
<p>The sync service's API (<code>/v1/...</code>) works without it.</p></body></html>
`;

const securityHeaders = (reply: FastifyReply): FastifyReply =>
  reply
    .header('content-security-policy', CONSOLE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY');

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

export async function registerStaticConsole(
  app: FastifyInstance,
  consoleDir: string | null,
): Promise<void> {
  const root = path.resolve(consoleDir ?? DEFAULT_CONSOLE_DIR);
  await app.register(fastifyStatic, { root, serve: false });

  const sendIndex = (reply: FastifyReply): FastifyReply => {
    securityHeaders(reply).header('cache-control', 'no-cache');
    const index = INDEX_FILES.find((name) => isFile(path.join(root, name)));
    if (!existsSync(root) || index === undefined)
      return reply.code(503).type('text/html; charset=utf-8').send(MISSING_PAGE);
    return reply.sendFile(index, root);
  };

  app.get('/', async (_request, reply) => reply.redirect('/console/', 302));
  app.get('/console', async (_request, reply) => reply.redirect('/console/', 301));
  app.get('/console/', async (_request, reply) => sendIndex(reply));
  app.get<{ Params: { '*': string } }>('/console/*', async (request, reply) => {
    const wanted = request.params['*'];
    const segments = wanted.split('/');
    if (segments.some((s) => s === '..' || s.startsWith('.')))
      return securityHeaders(reply).code(404).type('text/plain').send('not found');
    const file = path.join(root, ...segments);
    if (isFile(file)) {
      securityHeaders(reply);
      // Vite names built assets by their content hash: they can be cached for good.
      const hashed = segments[0] === 'assets';
      return reply.sendFile(wanted, root, {
        maxAge: hashed ? 365 * 24 * 3_600_000 : 0,
        immutable: hashed,
      });
    }
    // A client-side route (no extension): the app's page; a missing asset: 404.
    if (!path.extname(wanted)) return sendIndex(reply);
    return securityHeaders(reply).code(404).type('text/plain').send('not found');
  });
}
