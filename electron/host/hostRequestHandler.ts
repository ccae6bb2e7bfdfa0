// The browser-mode host's HTTP handler: Host-header check on everything, then either the typed
// API (`POST /api/<method>`, session cookie and same-origin required, JSON in, Result JSON out) or
// the built renderer. The launch URL's token is redeemed once for the session cookie (see
// hostSession.ts); the page itself never carries a secret.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_METHODS, apiInputs, type ApiMethod, type PosDispatch } from '../../shared/api';
import { err, ok, type Result } from '../../shared/result';
import { SECURITY_HEADERS } from '../shell/contentSecurityPolicy';
import { hostHeaderAllowed } from './hostSecurity';
import {
  cleanLocation,
  createHostSession,
  LAUNCH_TOKEN_PARAM,
  sameOriginRequest,
} from './hostSession';
import { readBody } from './requestBody';
import { contentTypeFor, prepareIndexHtml, resolveStaticPath } from '../shell/staticFiles';

/** CSV imports travel inside the JSON body, so the limit is generous but finite. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

export interface HostHandlerOptions {
  dispatch: PosDispatch;
  /** The per-launch token of the printed URL; redeemed once for the session cookie. */
  launchToken: string;
  distDir: string;
  /** The bound port (known only after listen), for the Host-header check. */
  port: () => number;
  bodyLimitBytes?: number;
  log?: (message: string) => void;
}

const methodNames: ReadonlySet<string> = new Set(API_METHODS);
const isApiMethod = (name: string): name is ApiMethod => methodNames.has(name);

const send = (
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  head = false,
): void => {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(head ? undefined : body);
};

const sendResult = (res: ServerResponse, status: number, result: Result<unknown>): void => {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(result));
};

/** Browser mode cannot print silently: after checking the sale exists, the UI uses window.print(). */
const browserSalePrint = async (
  dispatch: PosDispatch,
  input: unknown,
): Promise<Result<unknown>> => {
  const parsed = apiInputs['sale-print'].safeParse(input);
  if (!parsed.success)
    return err('VALIDATION', 'Invalid input for sale-print.', parsed.error.issues);
  const receipt = await dispatch('sale-receipt', { eventId: parsed.data.eventId });
  return receipt.ok ? ok({ printed: false, pdfPath: null }) : receipt;
};

export const createHostHandler = (options: HostHandlerOptions) => {
  const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const log = options.log ?? (() => undefined);
  const session = createHostSession(options.launchToken);
  const signedIn = (req: IncomingMessage): boolean =>
    session.authenticated(req.headers.cookie, options.port());

  /** A page for a browser that has no session: says what to do, carries no secret. */
  const sendNoSession = (res: ServerResponse, head: boolean, message: string): void => {
    res.setHeader('Cache-Control', 'no-store');
    const html = `<!doctype html><meta charset="utf-8"><title>Till not authorised</title><p>${message}</p>`;
    send(res, 401, 'text/html; charset=utf-8', html, head);
  };

  const handleApi = async (
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
  ): Promise<void> => {
    if (!signedIn(req)) {
      sendResult(
        res,
        401,
        err('UNAUTHENTICATED', 'No till session: open the link the till printed at launch.'),
      );
      return;
    }
    if (!sameOriginRequest(req.headers)) {
      sendResult(res, 403, err('FORBIDDEN', 'API calls are accepted from the till page only.'));
      return;
    }
    if (!isApiMethod(name)) {
      sendResult(res, 404, err('UNKNOWN_METHOD', `Unknown API method "${name}".`));
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendResult(res, 405, err('VALIDATION', 'API methods are called with POST.'));
      return;
    }
    const body = await readBody(req, limit);
    if (!body.ok) {
      if (body.reason === 'too-large') {
        res.setHeader('Connection', 'close');
        sendResult(res, 413, err('VALIDATION', `Request body exceeds ${limit} bytes.`));
      } else {
        res.destroy();
      }
      return;
    }
    let input: unknown;
    try {
      input = body.text.trim() === '' ? {} : JSON.parse(body.text);
    } catch {
      sendResult(res, 400, err('VALIDATION', 'Request body is not valid JSON.'));
      return;
    }
    const result =
      name === 'sale-print'
        ? await browserSalePrint(options.dispatch, input)
        : await options.dispatch(name, input);
    sendResult(res, 200, result);
  };

  const handleStatic = async (
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
    query: URLSearchParams,
  ): Promise<void> => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    if (query.has(LAUNCH_TOKEN_PARAM)) {
      // A browser that already has the session (a reload of the launch URL) just moves on; a
      // second browser or process with the used link is refused. Only a GET spends the token (a
      // HEAD, as link previews send, must not use it up).
      const fresh = !head && !signedIn(req) && session.redeem(query.get(LAUNCH_TOKEN_PARAM));
      if (!fresh && !signedIn(req)) {
        sendNoSession(
          res,
          head,
          'This launch link was already used or is not valid. Restart the till (npm run serve) for a new link.',
        );
        return;
      }
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        ...(fresh ? { 'Set-Cookie': session.setCookie(options.port()) } : {}),
        'Cache-Control': 'no-store',
        Location: cleanLocation(pathname),
        'Content-Length': 0,
      });
      res.end();
      return;
    }
    const file = resolveStaticPath(options.distDir, pathname);
    if (file === null) {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found', head);
      return;
    }
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      const isIndex = file.endsWith('index.html');
      const message = isIndex
        ? 'The UI is not built yet: run `npm run build:renderer`.'
        : 'Not found';
      send(res, isIndex ? 503 : 404, 'text/plain; charset=utf-8', message, head);
      return;
    }
    const type = contentTypeFor(file);
    if (file.endsWith('index.html')) {
      if (!signedIn(req)) {
        sendNoSession(res, head, 'Open the till with the link it printed when it started.');
        return;
      }
      res.setHeader('Cache-Control', 'no-store');
      send(res, 200, type, prepareIndexHtml(content.toString('utf8')), head);
      return;
    }
    res.setHeader(
      'Cache-Control',
      pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    send(res, 200, type, content, head);
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!hostHeaderAllowed(req.headers.host, options.port())) {
      sendResult(res, 403, err('FORBIDDEN', 'Host header not allowed.'));
      return;
    }
    const url = req.url ?? '/';
    const at = url.indexOf('?');
    const pathname = at < 0 ? url : url.slice(0, at);
    const query = new URLSearchParams(at < 0 ? '' : url.slice(at + 1));
    const work = pathname.startsWith('/api/')
      ? handleApi(req, res, pathname.slice('/api/'.length))
      : handleStatic(req, res, pathname, query);
    work.catch((cause: unknown) => {
      log(
        `browser host: request failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
      if (!res.headersSent)
        sendResult(res, 500, err('INTERNAL', 'The host failed to answer the request.'));
      else res.destroy();
    });
  };
};
