// Stores and tills as HQ registers them: the only writer of stores and tills. `db` first: a pool,
// or a client inside a transaction.
import type { Pool, PoolClient } from 'pg';
import type { Store } from '../../../shared/sync/gatewayApi';

type Db = Pool | PoolClient;

interface StoreRow {
  store_id: string;
  name: string;
  city: string;
  region: string;
  country: string;
  currency: string;
  time_zone: string;
  created_at: Date;
  code: string | null;
}

const STORE_COLUMNS =
  'store_id, name, city, region, country, currency, time_zone, created_at, code';

const toStore = (row: StoreRow): Store => ({
  storeId: row.store_id,
  name: row.name,
  city: row.city,
  region: row.region,
  country: row.country,
  currency: row.currency,
  timeZone: row.time_zone,
  createdAt: row.created_at.getTime(),
});

export interface NewStore {
  storeId: string;
  name: string;
  city: string;
  region: string;
  country: string;
  currency: string;
  timeZone: string;
  /** The console's store code; null for stores created through /v1/admin without one. */
  code?: string | null;
}

/** A store with its code (the store id when it has none, as for stores made by automation). */
export type CodedStore = Store & { code: string };

const toCodedStore = (row: StoreRow): CodedStore => ({
  ...toStore(row),
  code: row.code ?? row.store_id,
});

/** Postgres unique violation: the store code (stores_code index) is taken. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/** Inserts a store; null when the id is taken (a taken code throws, see isUniqueViolation). */
export async function insertStore(db: Db, store: NewStore): Promise<Store | null> {
  const { rows } = await db.query<StoreRow>(
    // Without a code (stores made through /v1/admin), the store id serves as one where it is a
    // valid code that no other store has, so automation-made stores show in the console alike.
    `INSERT INTO stores (store_id, name, city, region, country, currency, time_zone, code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, CASE
       WHEN $1 ~ '^[A-Za-z0-9_.-]{1,32}$'
        AND NOT EXISTS (SELECT 1 FROM stores WHERE lower(code) = lower($1)) THEN $1 END))
     ON CONFLICT (store_id) DO NOTHING
     RETURNING ${STORE_COLUMNS}`,
    [
      store.storeId,
      store.name,
      store.city,
      store.region,
      store.country,
      store.currency,
      store.timeZone,
      store.code ?? null,
    ],
  );
  return rows[0] ? toStore(rows[0]) : null;
}

export async function findCodedStore(
  db: Db,
  storeId: string,
  lock = false,
): Promise<CodedStore | null> {
  const { rows } = await db.query<StoreRow>(
    `SELECT ${STORE_COLUMNS} FROM stores WHERE store_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [storeId],
  );
  return rows[0] ? toCodedStore(rows[0]) : null;
}

export async function listCodedStores(db: Db): Promise<CodedStore[]> {
  const { rows } = await db.query<StoreRow>(
    `SELECT ${STORE_COLUMNS} FROM stores ORDER BY lower(coalesce(code, store_id))`,
  );
  return rows.map(toCodedStore);
}

export type StoreChanges = Partial<Omit<NewStore, 'storeId'>>;

/** Changes the given fields (a taken code throws, see isUniqueViolation); null: no such store. */
export async function updateStore(
  db: Db,
  storeId: string,
  changes: StoreChanges,
): Promise<CodedStore | null> {
  const { rows } = await db.query<StoreRow>(
    `UPDATE stores SET
       code = coalesce($2, code), name = coalesce($3, name), city = coalesce($4, city),
       region = coalesce($5, region), country = coalesce($6, country),
       currency = coalesce($7, currency), time_zone = coalesce($8, time_zone)
     WHERE store_id = $1
     RETURNING ${STORE_COLUMNS}`,
    [
      storeId,
      changes.code ?? null,
      changes.name ?? null,
      changes.city ?? null,
      changes.region ?? null,
      changes.country ?? null,
      changes.currency ?? null,
      changes.timeZone ?? null,
    ],
  );
  return rows[0] ? toCodedStore(rows[0]) : null;
}

/** True once the gateway accepted, or the warehouse applied, any event of the store. */
export async function storeHasEvents(db: Db, storeId: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 WHERE EXISTS (SELECT 1 FROM events WHERE store_id = $1)
        OR EXISTS (SELECT 1 FROM till_sync_state WHERE store_id = $1 AND pushed_seq IS NOT NULL)`,
    [storeId],
  );
  return rows.length > 0;
}

export interface TillRow {
  till_id: string;
  store_id: string;
  name: string;
  created_at: Date;
  enrolled_at: Date | null;
  revoked_at: Date | null;
}

export async function findTill(db: Db, tillId: string, lock = false): Promise<TillRow | null> {
  const { rows } = await db.query<TillRow>(
    `SELECT till_id, store_id, name, created_at, enrolled_at, revoked_at FROM tills
      WHERE till_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [tillId],
  );
  return rows[0] ?? null;
}

/** Marks a till revoked by HQ (its credentials are revoked by enrollmentRepo). */
export async function markTillRevoked(db: Db, tillId: string): Promise<void> {
  await db.query('UPDATE tills SET revoked_at = coalesce(revoked_at, now()) WHERE till_id = $1', [
    tillId,
  ]);
}

/** Marks a till enrolled: a till HQ revoked and then gave a new code is back in service. */
export async function markTillEnrolled(db: Db, tillId: string): Promise<void> {
  await db.query('UPDATE tills SET enrolled_at = now(), revoked_at = NULL WHERE till_id = $1', [
    tillId,
  ]);
}

export async function listStores(db: Db): Promise<Store[]> {
  const { rows } = await db.query<StoreRow>(
    `SELECT ${STORE_COLUMNS} FROM stores ORDER BY store_id`,
  );
  return rows.map(toStore);
}

export async function findStore(db: Db, storeId: string): Promise<Store | null> {
  const { rows } = await db.query<StoreRow>(
    `SELECT ${STORE_COLUMNS} FROM stores WHERE store_id = $1`,
    [storeId],
  );
  return rows[0] ? toStore(rows[0]) : null;
}

/** Inserts a till of a store; null when the till id is taken. */
export async function insertTill(
  db: Db,
  till: { storeId: string; tillId: string; name: string },
): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO tills (till_id, store_id, name) VALUES ($1, $2, $3) ON CONFLICT (till_id) DO NOTHING`,
    [till.tillId, till.storeId, till.name],
  );
  return result.rowCount === 1;
}
