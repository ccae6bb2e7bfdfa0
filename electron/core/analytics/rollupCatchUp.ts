// Folds queued sales and returns into the daily rollups. Sales are immutable facts, so a rollup
// row only ever grows by addition: each queued event is added exactly once, in the same
// transaction that removes it from the queue. Work is cut into chunks so a first catch-up over a
// million sales never holds the write lock (and the till) for long.
import type Database from 'better-sqlite3';
import { localDayKeySql, offsetSegments } from './timeZoneOffsets';

const CHUNK_EVENTS = 20_000;

/** SELECT … WHERE true: SQLite needs the WHERE to parse an upsert fed by a SELECT. */
const upsertTotals = (table: string, keys: string, select: string): string => `
INSERT INTO ${table} (${keys}, orders, returns, net, units, tax, discount, gross)
SELECT * FROM (${select}) WHERE true
ON CONFLICT (${keys}) DO UPDATE SET
  orders = orders + excluded.orders, returns = returns + excluded.returns, net = net + excluded.net,
  units = units + excluded.units, tax = tax + excluded.tax, discount = discount + excluded.discount,
  gross = gross + excluded.gross`;

const lineSums = `sum(l.net) AS net, sum(l.quantity) AS units, sum(l.tax) AS tax, sum(l.discount) AS discount, sum(l.gross) AS gross`;
const outerSums = `sum(kind = 'sale'), sum(kind = 'return'), sum(net), sum(units), sum(tax), sum(discount), sum(gross)`;

const FOLD_TOTALS = upsertTotals(
  'analytics_day_totals',
  'day',
  `SELECT day, ${outerSums} FROM (
     SELECT c.day, c.kind, ${lineSums}
     FROM temp.analytics_chunk c CROSS JOIN sale_lines l ON l.event_id = c.event_id
     GROUP BY c.event_id)
   GROUP BY day`,
);

const FOLD_CATEGORIES = upsertTotals(
  'analytics_day_categories',
  'day, category',
  `SELECT day, category, ${outerSums} FROM (
     SELECT c.day, c.kind, l.category, ${lineSums}
     FROM temp.analytics_chunk c CROSS JOIN sale_lines l ON l.event_id = c.event_id
     GROUP BY c.event_id, l.category)
   GROUP BY day, category`,
);

const foldProducts = (table: string, key: string, keyExpr: string): string => `
INSERT INTO ${table} (${key}, product_id, category, sku, name, net, units)
SELECT * FROM (
  SELECT ${keyExpr} AS k, l.product_id, l.category, max(l.sku), max(l.name), sum(l.net), sum(l.quantity)
  FROM temp.analytics_chunk c CROSS JOIN sale_lines l ON l.event_id = c.event_id
  GROUP BY k, l.product_id, l.category) WHERE true
ON CONFLICT (${key}, product_id, category) DO UPDATE SET
  sku = excluded.sku, name = excluded.name, net = net + excluded.net, units = units + excluded.units`;
const FOLD_DAY_PRODUCTS = foldProducts('analytics_day_products', 'day', 'c.day');
const FOLD_MONTH_PRODUCTS = foldProducts('analytics_month_products', 'month', 'c.day / 100');

export interface CatchUpResult {
  events: number;
  chunks: number;
}

/** Rolls every queued event up; returns how many were folded. Cheap when the queue is empty. */
export const catchUpRollups = (db: Database.Database, timeZone: string): CatchUpResult => {
  let events = 0;
  let chunks = 0;
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS analytics_chunk (
    event_id TEXT PRIMARY KEY, kind TEXT NOT NULL, day INTEGER NOT NULL) WITHOUT ROWID`);
  const nextChunk = db.prepare(
    `SELECT min(id) AS lo, max(id) AS hi, count(*) AS n FROM (SELECT id FROM analytics_pending ORDER BY id LIMIT ${CHUNK_EVENTS})`,
  );
  const span = db.prepare(
    `SELECT min(s.occurred_at) AS first, max(s.occurred_at) AS last
     FROM analytics_pending p CROSS JOIN sales s ON s.event_id = p.event_id WHERE p.id BETWEEN ? AND ?`,
  );
  const done = db.prepare('DELETE FROM analytics_pending WHERE id BETWEEN ? AND ?');
  const counted = db.prepare(
    'UPDATE analytics_meta SET rolled_events = rolled_events + ? WHERE id = 1',
  );
  for (;;) {
    const chunk = nextChunk.get() as { lo: number | null; hi: number | null; n: number };
    if (chunk.lo === null || chunk.hi === null) break;
    const { lo, hi } = chunk;
    db.transaction(() => {
      const { first, last } = span.get(lo, hi) as { first: number | null; last: number | null };
      db.exec('DELETE FROM temp.analytics_chunk');
      if (first !== null && last !== null) {
        const segments = offsetSegments(timeZone, first, last + 1);
        db.prepare(
          `INSERT OR IGNORE INTO temp.analytics_chunk (event_id, kind, day)
           SELECT s.event_id, s.kind, ${localDayKeySql('s.occurred_at', segments)}
           FROM analytics_pending p CROSS JOIN sales s ON s.event_id = p.event_id WHERE p.id BETWEEN ? AND ?`,
        ).run(lo, hi);
        db.exec(FOLD_TOTALS);
        db.exec(FOLD_CATEGORIES);
        db.exec(FOLD_DAY_PRODUCTS);
        db.exec(FOLD_MONTH_PRODUCTS);
      }
      done.run(lo, hi);
      counted.run(chunk.n);
    }).immediate();
    events += chunk.n;
    chunks += 1;
  }
  return { events, chunks };
};
