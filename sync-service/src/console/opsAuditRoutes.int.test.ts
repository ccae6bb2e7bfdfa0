// Operations and audit routes of the console against the real Postgres and Kafka: dead letters
// listed and retried (a fixed one is produced to the events topic again, a still-broken one says
// why), health of Kafka/Postgres with consumer lag, and the audit log with its CSV export.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditResponse,
  DeadLetterRetryResponse,
  DeadLettersResponse,
  OpsHealthResponse,
} from '../../../shared/console/consoleApi';
import { readTopic, shiftOpenEvent } from '../../test/gatewayTestKit';
import { insertDeadLetters } from '../warehouse/deadLettersRepo';
import { startTestConsole, type ConsoleClient, type TestConsole } from '../../test/consoleTestKit';

describe('console operations and audit log', () => {
  let hq: TestConsole;
  let manager: ConsoleClient;
  let admin: ConsoleClient;
  beforeAll(async () => {
    hq = await startTestConsole('console-ops');
    manager = await hq.as('manager');
    admin = await hq.as('admin');
  });
  afterAll(async () => {
    await hq?.dispose();
  });

  it('lists dead letters and retries them: valid ones are produced again', async () => {
    const event = shiftOpenEvent('store-x', 'till-x');
    await insertDeadLetters(hq.service.pool, [
      {
        topic: hq.config.eventsTopic,
        partition: 0,
        offset: '7',
        recordIndex: 0,
        eventId: event.eventId,
        storeId: 'store-x',
        reasonCode: 'UNPROCESSABLE',
        reason: 'store store-x is not registered',
        raw: JSON.stringify(event),
      },
      {
        topic: hq.config.eventsTopic,
        partition: 0,
        offset: '8',
        recordIndex: 0,
        eventId: null,
        storeId: null,
        reasonCode: 'INVALID_EVENT',
        reason: 'type: invalid',
        raw: JSON.stringify({ ...event, type: 'nonsense' }),
      },
    ]);
    const list = await manager.call('GET', '/v1/console/ops/dead-letters?limit=10');
    expect(list.status).toBe(200);
    const letters = (await list.json()) as DeadLettersResponse;
    expect(letters.total).toBe(2);
    const [invalid, valid] = letters.items;
    expect(valid).toMatchObject({ code: 'UNPROCESSABLE', retriedAt: null, eventId: event.eventId });
    expect(JSON.parse(valid?.event ?? 'null')).toEqual(event);

    const retried = await manager.call('POST', `/v1/console/ops/dead-letters/${valid?.id}/retry`);
    expect(retried.status).toBe(200);
    const answer = (await retried.json()) as DeadLetterRetryResponse;
    expect(answer.outcome).toBe('republished');
    expect(answer.letter.retriedAt).not.toBeNull();
    const onTopic = await readTopic(hq.config.eventsTopic, 1);
    expect(onTopic.map((m) => JSON.parse(m.value) as unknown)).toEqual([event]);
    expect(onTopic[0]?.key).toBe('store-x');

    const still = await manager.call('POST', `/v1/console/ops/dead-letters/${invalid?.id}/retry`);
    const stillAnswer = (await still.json()) as DeadLetterRetryResponse;
    expect(stillAnswer.outcome).toBe('still-invalid');
    expect(stillAnswer.message).toMatch(/INVALID_EVENT/);
    expect(stillAnswer.letter.retryOutcome).toMatch(/^still-invalid/);

    expect((await manager.call('POST', '/v1/console/ops/dead-letters/999999/retry')).status).toBe(
      404,
    );
    const analyst = await hq.as('analyst');
    expect((await analyst.call('GET', '/v1/console/ops/dead-letters')).status).toBe(403);
  });

  it('reports Kafka, Postgres, consumer lag and the dead-letter count', async () => {
    const res = await manager.call('GET', '/v1/console/ops/health');
    expect(res.status).toBe(200);
    const health = (await res.json()) as OpsHealthResponse;
    expect(health.kafka.ok).toBe(true);
    expect(health.postgres.ok).toBe(true);
    expect(health.deadLetters).toBe(2);
    // No consumer runs in this service: the retried event is still waiting.
    expect(health.consumerLag?.total).toBe(1);
    expect(health.consumerLag?.partitions).toHaveLength(3);
  });

  it('shows admins the audit log, newest first, paged and as CSV', async () => {
    const page = await admin.call('GET', '/v1/console/audit?limit=3');
    expect(page.status).toBe(200);
    const { entries } = (await page.json()) as AuditResponse;
    // The analyst's sign-in came last.
    expect(entries.map((e) => e.action)).toEqual([
      'session.login',
      'dead-letter.retry',
      'dead-letter.retry',
    ]);
    expect(entries[1]?.actor).toBe(manager.session.user.email);
    const older = (await (
      await admin.call('GET', `/v1/console/audit?before=${entries[2]?.id}&limit=500`)
    ).json()) as AuditResponse;
    expect(older.entries.every((e) => Number(e.id) < Number(entries[2]?.id))).toBe(true);
    expect(older.entries.map((e) => e.action)).toContain('session.login');

    const csv = await admin.call('GET', '/v1/console/audit.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="audit-log-/);
    const rows = parse((await csv.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.length).toBe(entries.length + older.entries.length);
    const retry = rows.find((r) => r.action === 'dead-letter.retry');
    expect(JSON.parse(retry?.after ?? '{}')).toMatchObject({ outcome: 'still-invalid' });

    expect((await manager.call('GET', '/v1/console/audit')).status).toBe(403);
    expect((await manager.call('GET', '/v1/console/audit.csv')).status).toBe(403);
    expect((await admin.call('GET', '/v1/console/audit?limit=0')).status).toBe(400);
  });
});
