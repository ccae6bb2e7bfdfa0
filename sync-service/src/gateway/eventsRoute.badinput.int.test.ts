// Property-based bad input against the real gateway, Kafka, warehouse consumer and Postgres:
// whatever arrives, the answer is a known status with a code, a rejected event is stored nowhere,
// the good events of the same batch all land exactly once, and the consumer keeps moving.
import fc from 'fast-check';
import { connect } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEvent, type PosEvent } from '../../../shared/events/envelope';
import {
  GATEWAY_ERROR_CODES,
  GATEWAY_LIMITS,
  pushResponseSchema,
} from '../../../shared/sync/gatewayApi';
import { uuidv7 } from '../../../shared/uuidv7';
import {
  pushEvents,
  startTestGateway,
  topicMessageCount,
  type TestGateway,
} from '../../test/gatewayTestKit';
import {
  eventsOfEveryType,
  HOSTILE_CHARACTERS,
  NUMBERS_PAST_THEIR_COLUMN,
  stringPaths,
  withAt,
} from '../../test/hostileEvents';

type Till = { storeId: string; tillId: string; token: string };
let gw: TestGateway;
let pool: pg.Pool;
let till: Till;
let other: Till;
let seq = 0;

const saleEvent = (t: Till, quantity = 2, unitPrice = 1_000): PosEvent => {
  const gross = quantity * unitPrice;
  const tax = Math.round((gross * 1_900) / 11_900);
  const at = Date.now();
  return {
    eventId: uuidv7(at),
    schemaVersion: 1,
    storeId: t.storeId,
    tillId: t.tillId,
    seq: ++seq,
    occurredAt: at,
    type: 'sale',
    payload: {
      receiptNo: `R-${seq}`,
      cashierId: 'cashier-1',
      cashierName: 'Cara',
      shiftId: null,
      currency: 'EUR',
      taxMode: 'inclusive',
      lines: [
        {
          lineNo: 1,
          productId: 'p-1',
          sku: 'SKU-1',
          name: 'Mug',
          category: 'Kitchen',
          subCategory: '',
          unitPrice,
          quantity,
          taxRateBp: 1_900,
          gross,
          discount: 0,
          tax,
          net: gross - tax,
        },
      ],
      payments: [{ tender: 'cash', amount: gross }],
      change: 0,
      totals: { gross, discount: 0, tax, net: gross - tax, total: gross, units: quantity },
    },
  };
};

/** Ways to break a valid sale event; every one must make validateEvent refuse it. */
const breakers: Array<[string, (e: Record<string, unknown>, junk: unknown) => void]> = [
  ['missing field', (e) => delete e[['type', 'payload', 'seq', 'occurredAt', 'storeId'][seq % 5]!]],
  [
    'wrong type seq',
    (e, junk) =>
      (e.seq =
        typeof junk === 'number' && Number.isInteger(junk) && junk >= 1 ? String(junk) : junk),
  ],
  ['unknown schema version', (e) => (e.schemaVersion = 2 + (seq % 7))],
  ['negative quantity', (e) => (linesOf(e)[0]!.quantity = -1 - (seq % 100))],
  ['absurd price', (e) => (linesOf(e)[0]!.unitPrice = 1e15 + seq)],
  ['huge string', (e) => (linesOf(e)[0]!.name = 'x'.repeat(10_000))],
  // Facts are keyed by (event, line number): a repeated number would lose a line downstream.
  ['repeated line number', (e) => void linesOf(e).push({ ...linesOf(e)[0]! })],
  ['fractional amount', (e) => (linesOf(e)[0]!.gross = 10.5)],
  ['ancient date', (e) => (e.occurredAt = 631_152_000_000)],
  ['bad event id', (e, junk) => (e.eventId = typeof junk === 'string' ? `${junk}!` : junk)],
  ['payload not an object', (e, junk) => (e.payload = Array.isArray(junk) ? 7 : [junk])],
];
const linesOf = (e: Record<string, unknown>) =>
  (e.payload as { lines: Array<Record<string, unknown>> }).lines;

const storedIds = async (ids: readonly string[]): Promise<Set<string>> => {
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
  const r = await pool.query<{ event_id: string }>(
    'SELECT event_id::text FROM events WHERE event_id = ANY($1::uuid[])',
    [uuids],
  );
  return new Set(r.rows.map((row) => row.event_id));
};

const POISON_KEYS = new Set(['__proto__', 'constructor']);

const waitStored = async (ids: readonly string[], timeoutMs = 30_000): Promise<Set<string>> => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const got = await storedIds(ids);
    if (got.size === ids.length || Date.now() > end) return got;
    await new Promise((r) => setTimeout(r, 200));
  }
};

beforeAll(async () => {
  gw = await startTestGateway('badinput', { consumerGroup: `badinput-${Date.now()}` }, [
    'gateway',
    'consumer',
  ]);
  pool = new pg.Pool({ connectionString: gw.db.url, max: 2 });
  till = await gw.enrollTill();
  other = await gw.enrollTill();
}, 60_000);
afterAll(async () => {
  await pool?.end();
  await gw?.dispose();
});

describe('gateway bad input (property-based)', () => {
  it('answers any body with a known status and code, never a 5xx', async () => {
    const body = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.json({ maxDepth: 4 }),
      fc.anything({ maxDepth: 3 }).map((v) => JSON.stringify({ events: v }) ?? 'null'),
      fc
        .array(fc.anything({ maxDepth: 2 }), { maxLength: 5 })
        .map((events) => JSON.stringify({ events })),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const res = await pushEvents(gw.url, till.token, text);
        expect([200, 400, 403, 413]).toContain(res.status);
        const json = (await res.json()) as { code?: string; results?: unknown };
        if (res.status === 200) pushResponseSchema.parse(json);
        else expect(GATEWAY_ERROR_CODES).toContain(json.code);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects broken events one by one, stores none of them, and loses none of the good ones', async () => {
    const goodIds: string[] = [];
    const badIds: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: breakers.length - 1 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 6 }),
        // No __proto__ / constructor keys: a body carrying them is refused whole with 400 before
        // any event is looked at (Fastify's prototype-poisoning guard, eventsRoute.int.test.ts).
        fc.anything({ maxDepth: 1, key: fc.string().filter((k) => !POISON_KEYS.has(k)) }),
        async (breaks, goods, junk) => {
          const batch: unknown[] = [];
          const expected: Array<'accepted' | 'rejected'> = [];
          for (let i = 0; i < Math.max(breaks.length, goods); i++) {
            if (i < goods) {
              const e = saleEvent(till, 1 + (i % 5), 100 * (i + 1));
              goodIds.push(e.eventId);
              batch.push(e);
              expected.push('accepted');
            }
            const b = breaks[i];
            if (b !== undefined) {
              const e = structuredClone(saleEvent(till)) as unknown as Record<string, unknown>;
              breakers[b]![1](e, junk);
              expect(validateEvent(e).ok, breakers[b]![0]).toBe(false);
              if (typeof e.eventId === 'string') badIds.push(e.eventId);
              batch.push(e);
              expected.push('rejected');
            }
          }
          const res = await pushEvents(gw.url, till.token, { events: batch });
          expect(res.status).toBe(200);
          const { results } = pushResponseSchema.parse(await res.json());
          expect(results.map((r) => r.status)).toEqual(expected);
          for (const r of results.filter((x) => x.status === 'rejected'))
            expect(['INVALID_EVENT', 'UNSUPPORTED_SCHEMA_VERSION']).toContain(r.code);
        },
      ),
      { numRuns: 25 },
    );
    expect((await waitStored(goodIds)).size).toBe(goodIds.length);
    expect((await storedIds(badIds)).size).toBe(0);
  }, 90_000);

  it('refuses a whole batch carrying another store’s event, publishing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 5 }), fc.boolean(), async (position, otherTillOnly) => {
        const before = await topicMessageCount(gw.config.eventsTopic);
        const batch: PosEvent[] = Array.from({ length: 5 }, () => saleEvent(till));
        const foreign = otherTillOnly
          ? { ...saleEvent(till), tillId: other.tillId }
          : saleEvent(other);
        batch.splice(position, 0, foreign);
        const res = await pushEvents(gw.url, till.token, { events: batch });
        expect(res.status).toBe(403);
        expect(await res.json()).toMatchObject({ code: 'FORBIDDEN' });
        expect(await topicMessageCount(gw.config.eventsTopic)).toBe(before);
      }),
      { numRuns: 8 },
    );
  }, 60_000);

  it('answers forged, malformed or missing tokens with 401', async () => {
    const forged = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.nat({ max: till.token.length - 1 }).map((i) => {
        const c = till.token[i] === 'a' ? 'b' : 'a';
        return `${till.token.slice(0, i)}${c}${till.token.slice(i + 1)}`;
      }),
      fc.constant(`${till.token}x`),
    );
    await fc.assert(
      fc.asyncProperty(forged, async (token) => {
        fc.pre(token !== till.token && /^[\x21-\x7e]*$/.test(token));
        const res = await pushEvents(gw.url, token, { events: [saleEvent(till)] });
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      }),
      { numRuns: 30 },
    );
    const none = await fetch(`${gw.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: '{"events":[]}',
    });
    expect(none.status).toBe(401);
  });

  it('stores replayed and reordered batches exactly once', async () => {
    const events = Array.from({ length: 12 }, (_, i) => saleEvent(till, 1 + (i % 3)));
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(events, { minLength: 1 }), async (subset) => {
        const res = await pushEvents(gw.url, till.token, {
          events: [...subset, ...subset.slice(0, 2)],
        });
        expect(res.status).toBe(200);
      }),
      { numRuns: 10 },
    );
    await pushEvents(gw.url, till.token, { events });
    const ids = events.map((e) => e.eventId);
    expect((await waitStored(ids)).size).toBe(ids.length);
    const r = await pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM sale_lines WHERE event_id = ANY($1::uuid[])',
      [ids],
    );
    expect(Number(r.rows[0]!.n)).toBe(ids.length);
  }, 60_000);

  it('answers oversized bodies with 413 and is not stalled by a slow client', async () => {
    const big = await pushEvents(
      gw.url,
      till.token,
      `{"events":[],"pad":"${'y'.repeat(GATEWAY_LIMITS.maxBatchBytes)}"}`,
    );
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: 'BATCH_TOO_LARGE' });

    const { port, hostname } = new URL(gw.url);
    const slow = connect(Number(port), hostname);
    await new Promise((r) => slow.once('connect', r));
    slow.write(
      `POST /v1/events HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${till.token}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"events":[`,
    );
    const dribble = setInterval(() => slow.write(' '), 100);
    try {
      const good = saleEvent(till);
      const t0 = Date.now();
      const res = await pushEvents(gw.url, till.token, { events: [good] });
      expect(res.status).toBe(200);
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect((await waitStored([good.eventId])).size).toBe(1);
    } finally {
      clearInterval(dribble);
      slow.destroy();
    }
  }, 30_000);

  // Issue 11: a bad clock, text Postgres cannot store, numbers past their column. Each is refused
  // with a code before Kafka, so the till keeps it as rejected (never "sent" while HQ dead-letters
  // it); the far past lands and is marked late; the good events of the batch all land.
  it('refuses far-future times, control characters and numbers past their column; lands the far past marked late', async () => {
    const now = Date.now();
    const good = eventsOfEveryType(till, now - 60_000);
    const farPast = { ...saleEvent(till), occurredAt: Date.UTC(2001, 2, 3) };
    const farFuture = { ...saleEvent(till), occurredAt: Date.UTC(2099, 11, 31) };
    const fewMinutesAhead = { ...saleEvent(till), occurredAt: now + 20 * 60_000 };
    const hostile: Array<{ event: PosEvent; code: string; what: string }> = [
      { event: farFuture, code: 'EVENT_FROM_FUTURE', what: 'far future' },
      { event: fewMinutesAhead, code: 'EVENT_FROM_FUTURE', what: '20 min ahead' },
    ];
    for (const e of eventsOfEveryType(till, now - 30_000)) {
      stringPaths(e.payload).forEach((p, i) => {
        const c = HOSTILE_CHARACTERS[i % HOSTILE_CHARACTERS.length]!;
        const bad = withAt(e, ['payload', ...p], (old) => `${String(old)}${c}`);
        hostile.push({
          event: { ...bad, eventId: uuidv7() },
          code: 'INVALID_EVENT',
          what: p.join('.'),
        });
      });
    }
    for (const [type, path, value] of NUMBERS_PAST_THEIR_COLUMN) {
      const e = eventsOfEveryType(till, now - 30_000).find((x) => x.type === type)!;
      hostile.push({
        event: withAt(e, path, () => value),
        code: 'INVALID_EVENT',
        what: path.join('.'),
      });
    }
    const batch = [...hostile.map((h) => h.event), ...good, farPast];
    const res = await pushEvents(gw.url, till.token, { events: batch });
    expect(res.status).toBe(200);
    const { results } = pushResponseSchema.parse(await res.json());
    hostile.forEach((h, i) =>
      expect(results[i], h.what).toMatchObject({ status: 'rejected', code: h.code }),
    );
    expect(results.slice(hostile.length).map((r) => r.status)).toEqual(
      Array(good.length + 1).fill('accepted'),
    );
    const landed = [...good, farPast].map((e) => e.eventId);
    expect((await waitStored(landed)).size).toBe(landed.length);
    expect((await storedIds(hostile.map((h) => h.event.eventId))).size).toBe(0);
    const origin = await pool.query<{ origin: string }>(
      'SELECT origin FROM events WHERE event_id = $1',
      [farPast.eventId],
    );
    expect(origin.rows[0]?.origin).toBe('late');
    const dead = await pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM dead_letters WHERE event_id = ANY($1::text[])',
      [batch.map((e) => e.eventId)],
    );
    expect(Number(dead.rows[0]!.n)).toBe(0);
    const parts = await pool.query("SELECT 1 FROM pg_class WHERE relname LIKE 'sale_lines_2099%'");
    expect(parts.rows).toEqual([]);
  }, 60_000);
});
