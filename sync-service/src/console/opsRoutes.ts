// Operations in the console: dead letters (why, and the event), retrying one whose cause was
// fixed, the health of Kafka and Postgres, and the warehouse consumer's lag. A retry checks the
// stored event again with today's schema (shared/events) and, when it now passes, produces it to
// the events topic again in the gateway's record encoding: the consumer applies it through its
// ledger, so a retry of an event that was applied after all changes nothing.
import type { FastifyInstance } from 'fastify';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  deadLettersQuerySchema,
  type DeadLetterRetryResponse,
  type DeadLetterRow,
  type DeadLettersResponse,
  type OpsHealthResponse,
} from '../../../shared/console/consoleApi';
import { validateEvent, type PosEvent } from '../../../shared/events';
import { inTransaction } from '../db/transaction';
import { KafkaUnavailableError, type EventPublisher } from '../gateway/eventPublisher';
import { HttpError, parseOr400 } from '../http/httpErrors';
import { encodeEventRecords } from '../kafka/eventRecords';
import { pingKafka } from '../kafka/kafka';
import { readConsumerLag } from '../ops/consumerLag';
import type { Logger } from '../ops/logger';
import {
  countDeadLetters,
  findDeadLetter,
  listDeadLetters,
  markDeadLetterRetried,
  type DeadLetterRecord,
} from '../warehouse/deadLettersRepo';
import { writeAudit } from './auditRepo';
import type { ConsoleAuth } from './consoleAuth';

export interface OpsRouteDeps {
  pool: Pool;
  auth: ConsoleAuth;
  logger: Logger;
  kafka: Kafka;
  publisher: EventPublisher;
  eventsTopic: string;
  consumerGroup: string;
  retryAfterSeconds: number;
}

const CHECK_TIMEOUT_MS = 2_000;
const EVENT_SHOWN_CHARS = 20_000;
const letterParams = z.object({ id: z.string().regex(/^\d{1,18}$/) });

const toRow = (l: DeadLetterRecord): DeadLetterRow => ({
  id: l.id,
  topic: l.topic,
  partition: l.partition,
  offset: l.offset,
  recordIndex: l.recordIndex,
  eventId: l.eventId,
  storeId: l.storeId,
  code: l.code,
  reason: l.reason,
  event: l.raw === null ? null : l.raw.slice(0, EVENT_SHOWN_CHARS),
  createdAt: l.createdAt,
  retriedAt: l.retriedAt,
  retryOutcome: l.retryOutcome,
});

const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const withTimeout = async <T>(work: Promise<T>, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/** The stored event, valid under the current schema, or why not. */
export const recheckEvent = (
  raw: string | null,
): { ok: true; event: PosEvent } | { ok: false; reason: string } => {
  if (raw === null) return { ok: false, reason: 'the letter holds no event to send again' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { ok: false, reason: `still not JSON: ${errorText(error)}` };
  }
  if (Array.isArray(value))
    return { ok: false, reason: 'the letter holds a whole record, not one event' };
  const checked = validateEvent(value);
  return checked.ok
    ? { ok: true, event: checked.event }
    : { ok: false, reason: `still invalid (${checked.code}): ${checked.message}` };
};

export function registerOpsConsoleRoutes(app: FastifyInstance, deps: OpsRouteDeps): void {
  const { pool, auth, logger } = deps;
  const read = { onRequest: auth.require('ops.read') };
  const write = { onRequest: auth.require('ops.write') };

  app.get('/v1/console/ops/dead-letters', read, async (request): Promise<DeadLettersResponse> => {
    const query = parseOr400(deadLettersQuerySchema, request.query, 'query');
    const [items, total] = await Promise.all([
      listDeadLetters(pool, query),
      countDeadLetters(pool),
    ]);
    return { items: items.map(toRow), total };
  });

  app.post(
    '/v1/console/ops/dead-letters/:id/retry',
    write,
    async (request): Promise<DeadLetterRetryResponse> => {
      const { id } = parseOr400(letterParams, request.params, 'dead letter id');
      const letter = await findDeadLetter(pool, id);
      if (!letter) throw new HttpError(404, 'NOT_FOUND', `no dead letter ${id}`);
      const checked = recheckEvent(letter.raw);
      let outcome: DeadLetterRetryResponse['outcome'];
      let message: string;
      if (checked.ok) {
        try {
          await deps.publisher.publish(
            deps.eventsTopic,
            encodeEventRecords(checked.event.storeId, [checked.event]),
          );
        } catch (error) {
          if (error instanceof KafkaUnavailableError)
            throw new HttpError(503, 'KAFKA_UNAVAILABLE', 'Kafka is unavailable; retry later', {
              'retry-after': String(deps.retryAfterSeconds),
            });
          throw error;
        }
        outcome = 'republished';
        message = `valid now: sent again to ${deps.eventsTopic}; the warehouse applies it once`;
      } else {
        outcome = 'still-invalid';
        message = checked.reason;
      }
      const after = await inTransaction(pool, async (client) => {
        const marked = await markDeadLetterRetried(client, id, `${outcome}: ${message}`);
        if (!marked) throw new HttpError(404, 'NOT_FOUND', `no dead letter ${id}`);
        await writeAudit(client, auth.actorOf(request), {
          action: 'dead-letter.retry',
          target: id,
          before: { code: letter.code, retriedAt: letter.retriedAt, eventId: letter.eventId },
          after: { outcome, message },
        });
        return marked;
      });
      logger.info({ id, outcome }, 'dead letter retried from the console');
      return { outcome, message, letter: toRow(after) };
    },
  );

  app.get('/v1/console/ops/health', read, async (_request, reply): Promise<OpsHealthResponse> => {
    const [kafka, postgres, lag, deadLetters] = await Promise.all([
      pingKafka(deps.kafka, CHECK_TIMEOUT_MS).then(
        () => ({ ok: true, message: 'brokers answer' }),
        (error: unknown) => ({ ok: false, message: errorText(error) }),
      ),
      withTimeout(pool.query('SELECT 1'), 'Postgres').then(
        () => ({ ok: true, message: 'answers' }),
        (error: unknown) => ({ ok: false, message: errorText(error) }),
      ),
      withTimeout(readConsumerLag(deps.kafka, deps.consumerGroup, deps.eventsTopic), 'Kafka').catch(
        () => null,
      ),
      countDeadLetters(pool).catch(() => 0),
    ]);
    reply.header('cache-control', 'no-store');
    return { checkedAt: Date.now(), kafka, postgres, consumerLag: lag, deadLetters };
  });
}
