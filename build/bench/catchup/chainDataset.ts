// A chain for the dashboard render figure: N stores enrolled through HQ's admin API, each with a
// till that pushes three years of seeded, schema-valid sale events through the real gateway
// (Kafka, warehouse consumer, rollups), so HQ's monthly rollups hold 36 months for every store.
import type { PosEvent } from '../../../shared/events';
import { adminCall } from '../../../electron/test/sync/syncServiceProcess';
import { generateEvents } from '../../../sync-service/test/syntheticEvents';
import { pushBatch } from '../sync/pipelinePush';

const YEAR_MS = 365 * 86_400_000;

export const loadChain = async (
  url: string,
  stores: number,
  salesPerStoreMonth: number,
  log: (s: string) => void,
): Promise<{ events: number; storeIds: string[] }> => {
  const tills: { storeId: string; tillId: string; token: string }[] = [];
  for (let s = 0; s < stores; s++) {
    const { storeId } = await adminCall<{ storeId: string }>(url, '/v1/admin/stores', {
      name: `Chain store ${String(s + 1).padStart(2, '0')}`,
      currency: 'INR',
      timeZone: 'Asia/Kolkata',
      region: `Region ${(s % 5) + 1}`,
      city: `City ${s + 1}`,
    });
    const till = await adminCall<{ tillId: string; enrollmentCode: string }>(
      url,
      `/v1/admin/stores/${storeId}/tills`,
      { name: 'Till 1' },
    );
    const enrolled = await adminCall<{ token: string }>(url, '/v1/enroll', {
      code: till.enrollmentCode,
    });
    tills.push({ storeId, tillId: till.tillId, token: enrolled.token });
  }
  const now = Date.now();
  const events: PosEvent[] = generateEvents(stores * 36 * salesPerStoreMonth, {
    seed: 42,
    stores: tills.map((t) => ({ storeId: t.storeId, timeZone: 'Asia/Kolkata', tills: [t.tillId] })),
    products: 120,
    fromMs: now - 3 * YEAR_MS,
    toMs: now - 86_400_000,
    receiptRate: 0,
  });
  log(`chain: pushing ${events.length} events for ${stores} stores through the gateway`);
  await Promise.all(
    tills.map(async (t) => {
      const mine = events.filter((e) => e.tillId === t.tillId);
      for (let i = 0; i < mine.length; i += 250)
        await pushBatch(url, t.token, mine.slice(i, i + 250));
    }),
  );
  return { events: events.length, storeIds: tills.map((t) => t.storeId) };
};
