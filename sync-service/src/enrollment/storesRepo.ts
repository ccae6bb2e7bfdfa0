// Stores and tills as HQ registers them. `db` first: a pool, or a client inside a transaction.
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
}

const STORE_COLUMNS = 'store_id, name, city, region, country, currency, time_zone, created_at';

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
}

/** Inserts a store; null when the id is taken. */
export async function insertStore(db: Db, store: NewStore): Promise<Store | null> {
  const { rows } = await db.query<StoreRow>(
    `INSERT INTO stores (store_id, name, city, region, country, currency, time_zone)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
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
    ],
  );
  return rows[0] ? toStore(rows[0]) : null;
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
