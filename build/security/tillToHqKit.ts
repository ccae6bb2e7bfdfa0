// Test kit for the till → HQ pipeline tests in this folder: a real till core (SQLite outbox and
// relay) set up as a store and enrolled with a real sync service (gateway, Kafka, warehouse
// consumer, console on Postgres), and a poll of a console list until the till's events arrived.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTillCore, type TillCore } from '../../electron/core/tillCore';
import { startTestConsole, type TestConsole } from '../../sync-service/test/consoleTestKit';

export const OWNER_PIN = '123456';
export const STORE_NAME = 'Leipzig Mitte';

export interface EnrolledTill {
  hq: TestConsole;
  till: TillCore;
  storeId: string;
  tillId: string;
  dispose: () => Promise<void>;
}

/** The value of an API result, or a thrown error with its code and message. */
export const must = async <T>(
  r: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>,
): Promise<T> => {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

/** A store `storeId` at HQ, and a till core set up (owner OWNER_PIN) and enrolled into it. */
export const startEnrolledTill = async (name: string, storeId: string): Promise<EnrolledTill> => {
  const hq = await startTestConsole(name, {}, ['gateway', 'consumer', 'console']);
  const dir = mkdtempSync(join(tmpdir(), `till-${name}-int-`));
  const till = openTillCore({
    dataDir: dir,
    log: () => {},
    sync: {
      autoStart: true,
      relay: { backoff: { baseMs: 100, maxMs: 1_000, minMs: 50 }, idlePollMs: 200 },
    },
  });
  const dispose = async () => {
    till.close();
    await till.closed();
    await hq.dispose();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await must(
      till.dispatch('setup-init', {
        storeName: 'Corner Shop',
        currency: 'EUR',
        locale: 'de-DE',
        timeZone: 'Europe/Berlin',
        taxMode: 'inclusive',
        ownerName: 'Olga Owner',
        ownerPin: OWNER_PIN,
        demo: false,
      }),
    );
    const store = await hq.admin('POST', '/v1/admin/stores', {
      storeId,
      name: STORE_NAME,
      city: 'Leipzig',
      region: 'Saxony',
      country: 'DE',
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
    });
    if (store.status !== 201) throw new Error(`store not created: HTTP ${store.status}`);
    const made = (await (
      await hq.admin('POST', `/v1/admin/stores/${storeId}/tills`, { name: 'Till 1' })
    ).json()) as { tillId: string; enrollmentCode: string };
    await must(till.dispatch('sync-enroll', { url: hq.url, code: made.enrollmentCode }));
    return { hq, till, storeId, tillId: made.tillId, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
};

/** Polls a console list (as a manager) until it holds `count` items, for up to a minute. */
export const waitForConsoleItems = async <T>(
  hq: TestConsole,
  path: string,
  count: number,
): Promise<T[]> => {
  const manager = await hq.as('manager');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await manager.call('GET', path);
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    const items = ((await res.json()) as { items: T[] }).items;
    if (items.length >= count) return items;
    if (Date.now() > deadline) throw new Error(`only ${items.length} of ${count} reached ${path}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};
