// The dashboard's own tables: daily rollups of the till's sales, keyed by the store's LOCAL day.
// They live on their own versioned track (analytics_meta) instead of the core's numbered
// migrations, because they are derived data: a version bump or a changed time zone simply drops
// and rebuilds them from the immutable sales, and no other module depends on them.
//
// A trigger queues every new sale/return in analytics_pending inside the very transaction that
// writes it; the rollup catch-up folds the queue into the rollups the next time figures are read.
import type Database from 'better-sqlite3';

/** Bump when the rollup tables or their meaning change; the rollups are then rebuilt. */
export const ANALYTICS_SCHEMA_VERSION = 2;

const ROLLUP_TABLES = [
  'analytics_day_totals',
  'analytics_day_categories',
  'analytics_day_products',
] as const;

const createRollups = `
CREATE TABLE IF NOT EXISTS analytics_pending (
  id INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL
) STRICT;

-- One row per local day (YYYYMMDD integer): the additive SalesTotals of shared/kpi.
CREATE TABLE IF NOT EXISTS analytics_day_totals (
  day INTEGER PRIMARY KEY,
  orders INTEGER NOT NULL,
  returns INTEGER NOT NULL,
  net INTEGER NOT NULL,
  units INTEGER NOT NULL,
  tax INTEGER NOT NULL,
  discount INTEGER NOT NULL,
  gross INTEGER NOT NULL
) STRICT;

-- Per day and category (the category as sold). orders/returns count the events that had at
-- least one line in the category, so a category filter keeps AOV and return rate meaningful.
CREATE TABLE IF NOT EXISTS analytics_day_categories (
  day INTEGER NOT NULL,
  category TEXT NOT NULL,
  orders INTEGER NOT NULL,
  returns INTEGER NOT NULL,
  net INTEGER NOT NULL,
  units INTEGER NOT NULL,
  tax INTEGER NOT NULL,
  discount INTEGER NOT NULL,
  gross INTEGER NOT NULL,
  PRIMARY KEY (day, category)
) STRICT, WITHOUT ROWID;

-- Per day, product and category as sold; sku and name keep the latest snapshot for display.
CREATE TABLE IF NOT EXISTS analytics_day_products (
  day INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  category TEXT NOT NULL,
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  net INTEGER NOT NULL,
  units INTEGER NOT NULL,
  PRIMARY KEY (day, product_id, category)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS analytics_day_products_by_category ON analytics_day_products (category, day);

-- The same per month (YYYYMM): a range of whole months reads ~products × months rows instead of
-- ~products × days (only the cut months at the range's ends come from the daily table).
CREATE TABLE IF NOT EXISTS analytics_month_products (
  month INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  category TEXT NOT NULL,
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  net INTEGER NOT NULL,
  units INTEGER NOT NULL,
  PRIMARY KEY (month, product_id, category)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS analytics_month_products_by_category ON analytics_month_products (category, month);

CREATE TRIGGER IF NOT EXISTS analytics_queue_sale AFTER INSERT ON sales BEGIN
  INSERT INTO analytics_pending (event_id) VALUES (new.event_id);
END;
`;

interface Meta {
  version: number;
  time_zone: string;
}

const readMeta = (db: Database.Database): Meta | undefined =>
  db.prepare('SELECT version, time_zone FROM analytics_meta WHERE id = 1').get() as
    Meta | undefined;

/** Drops the rollups and queues every sale again, so the next catch-up recomputes them. */
const rebuild = (db: Database.Database, timeZone: string): void => {
  for (const t of ROLLUP_TABLES) db.exec(`DROP TABLE IF EXISTS ${t}`);
  db.exec('DROP TABLE IF EXISTS analytics_pending');
  db.exec('DROP TRIGGER IF EXISTS analytics_queue_sale');
  db.exec(createRollups);
  db.exec(
    'INSERT INTO analytics_pending (event_id) SELECT event_id FROM sales ORDER BY occurred_at',
  );
  db.prepare(
    `INSERT INTO analytics_meta (id, version, time_zone, rolled_events) VALUES (1, ?, ?, 0)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, time_zone = excluded.time_zone, rolled_events = 0`,
  ).run(ANALYTICS_SCHEMA_VERSION, timeZone);
};

/**
 * Makes sure the rollups exist, match this code's version and the store's time zone, and have
 * seen every sale (rolled + queued = sales; a mismatch, e.g. a core migration that rebuilt the
 * sales table and its triggers, triggers a rebuild). Cheap when everything is in order.
 */
/** Connections already checked (and for which zone): the check counts every sale, so it runs once per connection. */
const checked = new WeakMap<Database.Database, string>();

export const ensureAnalyticsSchema = (db: Database.Database, timeZone: string): void => {
  // Core migrations (the only thing that could drop the trigger) run when the database opens,
  // before any dashboard call, so one check per connection and zone is enough.
  if (checked.get(db) === timeZone) return;
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS analytics_meta (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      version INTEGER NOT NULL,
      time_zone TEXT NOT NULL,
      rolled_events INTEGER NOT NULL
    ) STRICT`);
    const meta = readMeta(db);
    if (!meta || meta.version !== ANALYTICS_SCHEMA_VERSION || meta.time_zone !== timeZone) {
      rebuild(db, timeZone);
      return;
    }
    const hasTrigger = db
      .prepare(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'analytics_queue_sale'",
      )
      .get();
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM sales) AS sales,
                (SELECT rolled_events FROM analytics_meta WHERE id = 1) + (SELECT count(*) FROM analytics_pending) AS seen`,
      )
      .get() as { sales: number; seen: number };
    if (!hasTrigger || counts.sales !== counts.seen) rebuild(db, timeZone);
  }).immediate();
  checked.set(db, timeZone);
};
