// Pushes events through the real gateway the way tills do: each till POSTs batches of its own
// events with its own token; a few requests per till in flight.
import type { PosEvent } from '../../../shared/events';
import type { EnrolledTill } from './benchEnvironment';

const postBody = async (base: string, token: string, body: string): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${base}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    if (res.ok) {
      const answer = (await res.json()) as { results: { status: string; message?: string }[] };
      const rejected = answer.results.find((r) => r.status !== 'accepted');
      if (rejected) throw new Error(`gateway rejected an event: ${rejected.message ?? ''}`);
      return;
    }
    // 503 = Kafka briefly unavailable: retry like the outbox relay does.
    if (res.status !== 503 || attempt >= 5)
      throw new Error(`push failed: ${res.status} ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 200 * attempt));
  }
};

export const pushBatch = (
  base: string,
  token: string,
  events: readonly PosEvent[],
): Promise<void> => postBody(base, token, JSON.stringify({ events }));

/** Each till's request bodies, serialized ahead: that is the tills' work, not the pipeline's. */
export interface PreparedPush {
  till: EnrolledTill;
  bodies: string[];
}

export const preparePush = (
  tills: readonly EnrolledTill[],
  events: readonly PosEvent[],
  batchSize: number,
): PreparedPush[] =>
  tills.map((till) => {
    const mine = events.filter((e) => e.tillId === till.tillId);
    const bodies: string[] = [];
    for (let i = 0; i < mine.length; i += batchSize)
      bodies.push(JSON.stringify({ events: mine.slice(i, i + batchSize) }));
    return { till, bodies };
  });

export const pushAll = async (
  base: string,
  prepared: readonly PreparedPush[],
  inFlightPerTill: number,
): Promise<void> => {
  await Promise.all(
    prepared.map(async ({ till, bodies }) => {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < bodies.length) {
          const body = bodies[next++] as string;
          await postBody(base, till.token, body);
        }
      };
      await Promise.all(Array.from({ length: inFlightPerTill }, worker));
    }),
  );
};
