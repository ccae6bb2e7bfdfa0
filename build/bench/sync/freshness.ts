// Freshness at a steady trickle: sales pushed one per request at a fixed rate (as tills do while
// selling); a sale counts as visible when the analytics API's live stream reports its store's
// figures as of that sale's time (sent by the consumer's NOTIFY after its transaction committed).
import type { PosEvent } from '../../../shared/events';
import type { AnalyticsChange } from '../../../shared/sync/analyticsApi';
import { ADMIN_TOKEN, percentile, type EnrolledTill } from './benchEnvironment';
import { pushBatch } from './pipelinePush';

const openStream = async (
  base: string,
  onChange: (c: AnalyticsChange) => void,
): Promise<AbortController> => {
  const controller = new AbortController();
  const res = await fetch(`${base}/v1/analytics/stream?scope=chain`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    signal: controller.signal,
  });
  if (!res.ok || !res.body) throw new Error(`stream: ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (message.startsWith('event: analytics') && data)
            onChange(JSON.parse(data) as AnalyticsChange);
        }
      }
    } catch {
      // aborted at the end of the measurement
    }
  })();
  return controller;
};

export const measureFreshness = async (
  gatewayUrl: string,
  analyticsUrl: string,
  tills: readonly EnrolledTill[],
  sales: readonly PosEvent[],
  perSecond: number,
): Promise<{ p50Ms: number; p99Ms: number; samples: number }> => {
  const pending = new Map<string, { occurredAt: number; pushedAt: number }[]>();
  const latencies: number[] = [];
  const stream = await openStream(analyticsUrl, (c) => {
    const now = performance.now();
    const waiting = pending.get(c.storeId) ?? [];
    pending.set(
      c.storeId,
      waiting.filter((w) =>
        w.occurredAt <= c.asOf ? (latencies.push(now - w.pushedAt), false) : true,
      ),
    );
  });
  const tokenOf = new Map(tills.map((t) => [t.tillId, t.token]));
  const chains = new Map<string, Promise<void>>();
  const lastAt = new Map<string, number>();
  const t0 = performance.now();
  for (let i = 0; i < sales.length; i++) {
    const due = t0 + (i * 1_000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sale = sales[i]!;
    // Strictly increasing time per store, so "as of" identifies exactly which sales are in.
    const occurredAt = Math.max(Date.now(), (lastAt.get(sale.storeId) ?? 0) + 1);
    lastAt.set(sale.storeId, occurredAt);
    const event = { ...sale, occurredAt };
    pending.set(sale.storeId, [
      ...(pending.get(sale.storeId) ?? []),
      { occurredAt, pushedAt: due },
    ]);
    // One store's pushes stay in order (its till pushes its outbox in order).
    const previous = chains.get(sale.storeId) ?? Promise.resolve();
    chains.set(
      sale.storeId,
      previous.then(() => pushBatch(gatewayUrl, tokenOf.get(sale.tillId) ?? '', [event])),
    );
  }
  await Promise.all(chains.values());
  const deadline = Date.now() + 30_000;
  while ([...pending.values()].some((w) => w.length > 0) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  stream.abort();
  return {
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
    samples: latencies.length,
  };
};
