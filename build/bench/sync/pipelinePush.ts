// Pushes events through the real gateway the way tills do: each till POSTs batches of its own
// events with its own token; a few requests per till in flight.
import type { PosEvent } from '../../../shared/events';
import type { EnrolledTill } from './benchEnvironment';

export const pushBatch = async (
  base: string,
  token: string,
  events: readonly PosEvent[],
): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${base}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    if (res.ok) {
      const body = (await res.json()) as { results: { status: string; message?: string }[] };
      const rejected = body.results.find((r) => r.status !== 'accepted');
      if (rejected) throw new Error(`gateway rejected an event: ${rejected.message ?? ''}`);
      return;
    }
    // 503 = Kafka briefly unavailable: retry like the outbox relay does.
    if (res.status !== 503 || attempt >= 5)
      throw new Error(`push failed: ${res.status} ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 200 * attempt));
  }
};

export const pushAll = async (
  base: string,
  tills: readonly EnrolledTill[],
  events: readonly PosEvent[],
  batchSize: number,
  inFlightPerTill: number,
): Promise<void> => {
  await Promise.all(
    tills.map(async (till) => {
      const mine = events.filter((e) => e.tillId === till.tillId);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < mine.length) {
          const batch = mine.slice(next, next + batchSize);
          next += batchSize;
          await pushBatch(base, till.token, batch);
        }
      };
      await Promise.all(Array.from({ length: inFlightPerTill }, worker));
    }),
  );
};
