// Migration 0540 on a till database as 0530 left it: an enrolled till keeps the ids its relay sent
// with (now read from the settings row alone), a till never enrolled keeps its local ids, and the
// rest of the data is untouched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsRepo, tillIdentityRepo } from '../../settings/settingsRepo';
import { createSyncSettings } from '../../sync/syncSettings';
import { currentVersion, migrate } from '../migrate';
import { openDatabase } from '../openDatabase';
import { MIGRATIONS } from './index';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'till-0540-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at0530 = () => {
  const db = openDatabase(dir);
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 530),
  );
  expect(currentVersion(db)).toBe(530);
  settingsRepo(db).insert({
    storeId: 'local-1a2b3c4d',
    tillId: 'till-1',
    storeCode: 'S1',
    tillCode: 'T1',
    storeName: 'Corner Shop',
    currency: 'EUR',
    locale: 'en-IE',
    timeZone: 'Europe/Dublin',
    taxMode: 'inclusive',
    receiptHeader: 'Thanks',
    discountLimitBp: 2_000,
    refundLimit: 5_000,
    voidApprovalLimit: 5_000,
    createdAt: 1,
  });
  db.prepare(
    "INSERT INTO products (id, sku, name, unit_price, tax_rate_bp, updated_at) VALUES ('p1', 'SKU1', 'Tea', 250, 900, 0)",
  ).run();
  db.prepare(
    "INSERT INTO outbox (seq, event_id, type, occurred_at, body) VALUES (1, 'e1', 'sale', 5, '{\"storeId\":\"hq-store\"}')",
  ).run();
  return db;
};

const setSync = (db: ReturnType<typeof openDatabase>, key: string, value: string) =>
  db.prepare('INSERT INTO sync_settings (key, value) VALUES (?, ?)').run(key, value);

describe('migration 0540: one copy of the store/till ids', () => {
  it('an enrolled till keeps the ids it syncs with, in the settings row only', () => {
    const db = at0530();
    // What enrolment wrote before 0540: HQ's ids in both tables.
    db.prepare("UPDATE settings SET store_id = 'hq-store', till_id = 'hq-till' WHERE id = 1").run();
    setSync(db, 'hq_url', 'https://hq.example');
    setSync(db, 'store_id', 'hq-store');
    setSync(db, 'till_id', 'hq-till');
    setSync(db, 'enrolled_at', '42');
    setSync(db, 'token', 'secret');

    migrate(db);

    const ids = tillIdentityRepo(db).get();
    expect(ids).toMatchObject({ storeId: 'hq-store', tillId: 'hq-till', currency: 'EUR' });
    const keys = db
      .prepare<[], { key: string }>('SELECT key FROM sync_settings ORDER BY key')
      .all()
      .map((r) => r.key);
    expect(keys).toEqual(['enrolled_at', 'hq_url', 'token']);
    expect(createSyncSettings(db, tillIdentityRepo(db)).identity()).toEqual({
      hqUrl: 'https://hq.example',
      storeId: 'hq-store',
      tillId: 'hq-till',
      enrolledAt: 42,
    });
    expect(settingsRepo(db).get()).toMatchObject({
      storeName: 'Corner Shop',
      receiptHeader: 'Thanks',
    });
    expect(db.prepare('SELECT count(*) AS n FROM products').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT body FROM outbox WHERE seq = 1').get()).toEqual({
      body: '{"storeId":"hq-store"}',
    });
    db.close();
  });

  it('takes the relay’s ids where the two copies disagree (those are the ids HQ has)', () => {
    const db = at0530();
    setSync(db, 'hq_url', 'https://hq.example');
    setSync(db, 'store_id', 'hq-store');
    setSync(db, 'till_id', 'hq-till');
    migrate(db);
    expect(tillIdentityRepo(db).get()).toMatchObject({ storeId: 'hq-store', tillId: 'hq-till' });
    db.close();
  });

  it('a till never enrolled keeps its local ids and stays unenrolled', () => {
    const db = at0530();
    migrate(db);
    expect(tillIdentityRepo(db).get()).toMatchObject({
      storeId: 'local-1a2b3c4d',
      tillId: 'till-1',
    });
    expect(createSyncSettings(db, tillIdentityRepo(db)).identity()).toBeNull();
    db.close();
  });
});
