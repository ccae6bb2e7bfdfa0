// Error answers share one shape, `{ code, message }` (shared/sync/gatewayApi.ts). Handlers throw
// HttpError; the server's error handler turns it, and Fastify's own errors, into that shape.
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ConsoleErrorCode } from '../../../shared/console/consoleApi';
import type { GatewayErrorCode } from '../../../shared/sync/gatewayApi';

export type ErrorCode = GatewayErrorCode | ConsoleErrorCode;

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendError(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): FastifyReply {
  return reply.code(status).headers(headers).send({ code, message });
}

/** Parses with a zod schema or throws 400 BAD_REQUEST naming the first problem. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new HttpError(
    400,
    'BAD_REQUEST',
    `invalid ${what}: ${where}${issue?.message ?? 'invalid'}`,
  );
}
