// POST /v1/events: a till pushes a batch of events. The answer lists every event as accepted or
// rejected and is sent only after Kafka acknowledged all accepted ones (key = store id, so one
// store's events stay in order on one partition; the batch travels as few records as fit, see
// kafka/eventRecords.ts). If Kafka cannot acknowledge in time the answer
// is 503 + Retry-After and no event is reported accepted; the till resends, and the warehouse
// deduplicates by event id, so a batch that did land is never counted twice.
import type { FastifyInstance } from 'fastify';
import {
  GATEWAY_LIMITS,
  pushRequestSchema,
  type PushResponse,
} from '../../../shared/sync/gatewayApi';
import { HttpError, parseOr400 } from '../http/httpErrors';
import { encodeEventRecords } from '../kafka/eventRecords';
import type { MetricsRegistry } from '../ops/metrics';
import { LATENCY_BUCKETS_SECONDS, SIZE_BUCKETS } from '../ops/metrics';
import type { TillGuard } from './tillGuard';
import { checkBatch } from './batchValidation';
import { DEFAULT_MAX_FUTURE_SKEW_MS } from './eventClock';
import { KafkaUnavailableError, type EventPublisher } from './eventPublisher';
import type { TillSyncRecorder } from './tillSyncRecorder';

export interface EventsRouteDeps {
  publisher: EventPublisher;
  tillGuard: TillGuard;
  metrics: MetricsRegistry;
  eventsTopic: string;
  retryAfterSeconds: number;
  /** How far ahead of this gateway's clock an event's occurredAt may be (eventClock.ts). */
  maxFutureSkewMs?: number;
  /** Notes each accepted push per till (HQ's "last sync"); off the answer's path. */
  tillSync?: TillSyncRecorder;
}

export function registerEventsRoute(app: FastifyInstance, deps: EventsRouteDeps): void {
  const { publisher, tillGuard, metrics } = deps;
  const events = metrics.counter(
    'sync_gateway_events_total',
    'Events pushed to the gateway by outcome.',
    ['status', 'code'],
  );
  const batchSize = metrics.histogram(
    'sync_gateway_batch_size',
    'Events per pushed batch.',
    SIZE_BUCKETS,
  );
  const batchLatency = metrics.histogram(
    'sync_gateway_batch_duration_seconds',
    'Time from a batch arriving to Kafka acknowledging it.',
    LATENCY_BUCKETS_SECONDS,
    ['outcome'],
  );

  app.post(
    '/v1/events',
    { bodyLimit: GATEWAY_LIMITS.maxBatchBytes, onRequest: tillGuard.onRequest },
    async (request, reply) => {
      const stopTimer = batchLatency.startTimer();
      const till = tillGuard.identityOf(request);
      const body = parseOr400(
        pushRequestSchema,
        request.body,
        'batch (expected { "events": [...] })',
      );
      if (body.events.length > GATEWAY_LIMITS.maxEventsPerBatch) {
        stopTimer({ outcome: 'too_large' });
        throw new HttpError(
          413,
          'BATCH_TOO_LARGE',
          `${body.events.length} events in one batch; at most ${GATEWAY_LIMITS.maxEventsPerBatch}`,
        );
      }
      batchSize.observe(body.events.length);
      const verdict = checkBatch(body.events, till, {
        now: Date.now(),
        maxFutureSkewMs: deps.maxFutureSkewMs ?? DEFAULT_MAX_FUTURE_SKEW_MS,
      });
      if (verdict.kind === 'forbidden') {
        stopTimer({ outcome: 'forbidden' });
        events.inc({ status: 'rejected', code: 'FORBIDDEN' }, body.events.length);
        throw new HttpError(403, 'FORBIDDEN', verdict.message);
      }
      try {
        // No record headers: the events carry their own ids, types and schema versions, and the
        // consumer reads nothing else (headers cost the gateway ~13% of its CPU).
        await publisher.publish(
          deps.eventsTopic,
          encodeEventRecords(till.storeId, verdict.toPublish),
        );
      } catch (error) {
        if (!(error instanceof KafkaUnavailableError)) throw error;
        stopTimer({ outcome: 'kafka_unavailable' });
        events.inc({ status: 'unavailable', code: 'KAFKA_UNAVAILABLE' }, verdict.toPublish.length);
        // The broker's own words (addresses, ports, client internals) are for the log, which the
        // publisher already wrote; the till gets the outcome only.
        throw new HttpError(
          503,
          'KAFKA_UNAVAILABLE',
          'events could not be stored right now; none of this batch was accepted, retry later',
          { 'retry-after': String(deps.retryAfterSeconds) },
        );
      }
      deps.tillSync?.record(till, verdict.toPublish);
      // One counter update per outcome, not per event.
      const outcomes = new Map<string, { status: string; code: string; n: number }>();
      for (const { status, code = '' } of verdict.results) {
        const key = `${status}:${code}`;
        const seen = outcomes.get(key);
        if (seen) seen.n++;
        else outcomes.set(key, { status, code, n: 1 });
      }
      for (const { status, code, n } of outcomes.values()) events.inc({ status, code }, n);
      stopTimer({ outcome: 'ok' });
      const response: PushResponse = { results: verdict.results };
      return reply.code(200).send(response);
    },
  );
}
