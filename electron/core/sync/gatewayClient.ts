// HTTP calls from the till to the sync-service gateway. Every call has a timeout, and every
// answer is classified into what the caller must do next; nothing here throws for a network or
// server problem. The token is sent as a header and never appears in a message or log.
import { z } from 'zod';
import { pushResponseSchema, type PushResult } from '../../../shared/sync/gatewayApi';
import { parseRetryAfter } from './backoff';

export type { PushResult };

export type GatewayFailure =
  /** Network error, timeout, 5xx, 429: try again later. */
  | { kind: 'retry'; reason: string; retryAfterMs: number | null }
  /** 401: the token is no longer valid for this till. */
  | { kind: 'unauthorized'; reason: string }
  /** 403: the gateway refused the batch (an event of another store or till). */
  | { kind: 'forbidden'; reason: string }
  /** 413: the request was too large. */
  | { kind: 'too-large'; reason: string }
  /** Any other 4xx: the request itself was refused. */
  | { kind: 'refused'; status: number; code: string; reason: string };

export type GatewayAnswer<T> = { kind: 'ok'; value: T } | GatewayFailure;

const errorBodySchema = z.object({
  code: z.string().optional(),
  message: z.string().optional(),
  error: z
    .union([z.string(), z.object({ code: z.string().optional(), message: z.string().optional() })])
    .optional(),
});

export interface GatewayRequest {
  baseUrl: string;
  path: string;
  method: 'GET' | 'POST';
  token?: string | null;
  body?: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Aborts the call early (e.g. the relay is stopping); the outcome is then a 'retry'. */
  signal?: AbortSignal;
  now?: () => number;
}

export const joinUrl = (baseUrl: string, path: string): string =>
  `${baseUrl.replace(/\/+$/, '')}${path}`;

const describeError = async (res: Response): Promise<{ code: string; message: string }> => {
  const text = await res.text().catch(() => '');
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      const e = parsed.data.error;
      const nested = typeof e === 'object' ? e : undefined;
      const code = parsed.data.code ?? nested?.code ?? `HTTP_${res.status}`;
      const message =
        parsed.data.message ?? nested?.message ?? (typeof e === 'string' ? e : res.statusText);
      return { code, message };
    }
  } catch {
    // not JSON: fall through to the status line
  }
  return { code: `HTTP_${res.status}`, message: text.slice(0, 300) || res.statusText };
};

/** Performs one request and classifies the outcome; `parse` validates a 2xx body. */
export const callGateway = async <T>(
  req: GatewayRequest,
  parse: (body: unknown, res: Response) => T | null,
): Promise<GatewayAnswer<T> | { kind: 'not-modified' }> => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), req.timeoutMs);
  const onOuterAbort = (): void => controller.abort();
  req.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const now = req.now ?? Date.now;
  try {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (req.token) headers.authorization = `Bearer ${req.token}`;
    const res = await fetch(joinUrl(req.baseUrl, req.path), {
      method: req.method,
      headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
      signal: controller.signal,
    });
    if (res.status === 304) return { kind: 'not-modified' };
    if (res.ok) {
      const body: unknown = await res.json().catch(() => undefined);
      const value = parse(body, res);
      if (value === null)
        return { kind: 'retry', reason: `Unexpected answer from ${req.path}.`, retryAfterMs: null };
      return { kind: 'ok', value };
    }
    const { code, message } = await describeError(res);
    if (res.status === 401) return { kind: 'unauthorized', reason: message };
    if (res.status === 403) return { kind: 'forbidden', reason: message };
    if (res.status === 413) return { kind: 'too-large', reason: message };
    if (res.status === 408 || res.status === 429 || res.status >= 500) {
      return {
        kind: 'retry',
        reason: `${res.status} ${message}`,
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), now()),
      };
    }
    return { kind: 'refused', status: res.status, code, reason: message };
  } catch (e) {
    const reason = controller.signal.aborted
      ? `No answer within ${req.timeoutMs} ms.`
      : e instanceof Error
        ? e.message
        : String(e);
    return { kind: 'retry', reason, retryAfterMs: null };
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onOuterAbort);
  }
};

/** POST /v1/events with a pre-built `{"events":[...]}` payload. */
export const pushEvents = async (
  baseUrl: string,
  token: string,
  payload: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<GatewayAnswer<PushResult[]>> => {
  const request: GatewayRequest = {
    baseUrl,
    path: '/v1/events',
    method: 'POST',
    token,
    body: payload,
    timeoutMs,
  };
  if (signal) request.signal = signal;
  const answer = await callGateway(request, (body) => {
    const parsed = pushResponseSchema.safeParse(body);
    return parsed.success ? parsed.data.results : null;
  });
  return answer.kind === 'not-modified'
    ? { kind: 'retry', reason: 'Unexpected 304.', retryAfterMs: null }
    : answer;
};
