// Kafka stopped under a running gateway: pushes get 503 + Retry-After quickly and nothing is
// reported accepted; once Kafka is back the same batch is accepted. Stops the shared test broker
// briefly (build/scripts/kafka-ctl.sh) and always starts it again.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '../../../shared/sync/gatewayApi';
import { KAFKA_PORT } from '../../../build/test/serviceEnv';
import {
  pushEvents,
  readTopic,
  shiftOpenEvent,
  startTestGateway,
  type TestGateway,
} from '../../test/gatewayTestKit';

const kafkaCtl = fileURLToPath(new URL('../../../build/scripts/kafka-ctl.sh', import.meta.url));
const kafka = (command: 'start' | 'stop'): void => {
  execFileSync('bash', [kafkaCtl, command], { stdio: 'inherit' });
};

describe('gateway with Kafka down', () => {
  let gw: TestGateway;
  let till: { storeId: string; tillId: string; token: string };

  beforeAll(async () => {
    gw = await startTestGateway('kafkadown', { kafkaSendTimeoutMs: 3_000, retryAfterSeconds: 7 });
    till = await gw.enrollTill();
  });
  afterAll(async () => {
    kafka('start');
    await gw?.dispose();
  });

  it('answers 503 KAFKA_UNAVAILABLE with Retry-After, then accepts the batch once Kafka is back', async () => {
    const warmup = shiftOpenEvent(till.storeId, till.tillId);
    expect((await pushEvents(gw.url, till.token, { events: [warmup] })).status).toBe(200);

    const events = [
      shiftOpenEvent(till.storeId, till.tillId),
      shiftOpenEvent(till.storeId, till.tillId),
    ];
    kafka('stop');
    try {
      const started = Date.now();
      const down = await pushEvents(gw.url, till.token, { events });
      const elapsed = Date.now() - started;
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('7');
      const body = (await down.json()) as { code: string; message: string; results?: unknown };
      expect(body.code).toBe('KAFKA_UNAVAILABLE');
      expect(body.results).toBeUndefined();
      // The till gets the outcome, not the broker's or client's words (addresses, timeouts).
      expect(body.message).toBe(
        'events could not be stored right now; none of this batch was accepted, retry later',
      );
      expect(body.message).not.toContain(String(KAFKA_PORT));
      // Bounded by the configured send timeout, not by kafkajs's own retry schedule.
      expect(elapsed).toBeLessThan(6_000);

      const ready = await fetch(`${gw.url}/readyz`);
      expect(ready.status).toBe(503);
      const readiness = (await ready.json()) as { checks: { kafka: object } };
      expect(readiness).toMatchObject({
        status: 'not_ready',
        checks: { postgres: { ok: true }, kafka: { ok: false } },
      });
      expect(Object.keys(readiness.checks.kafka).sort()).toEqual(['ms', 'ok']);
    } finally {
      kafka('start');
    }

    // The till's retry: the same batch, after the broker is back.
    let accepted = false;
    const deadline = Date.now() + 60_000;
    while (!accepted && Date.now() < deadline) {
      const res = await pushEvents(gw.url, till.token, { events });
      if (res.status === 200) {
        const { results } = pushResponseSchema.parse(await res.json());
        expect(results.every((r) => r.status === 'accepted')).toBe(true);
        accepted = true;
      } else {
        expect(res.status).toBe(503);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    expect(accepted).toBe(true);
    const onTopic = await readTopic(gw.config.eventsTopic, 3);
    const ids = onTopic.map((m) => (JSON.parse(m.value) as { eventId: string }).eventId);
    expect(ids).toEqual(expect.arrayContaining([warmup.eventId, ...events.map((e) => e.eventId)]));
    expect((await fetch(`${gw.url}/readyz`)).status).toBe(200);
  });
});
