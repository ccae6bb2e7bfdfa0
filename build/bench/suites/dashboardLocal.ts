// Local dashboard queries at scale: a till database with N synthetic sales (default 1,000,000,
// ~2.5 lines each, 3 years, 1 in 40 a return) in a DST zone, written straight into the core's
// tables. Measures the first rollup catch-up, then warm month/year and today queries.
// Options: --sales <n>, --zone <IANA zone>.
import Database from 'better-sqlite3';
import { localDayOf } from '../../../shared/calendar';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureAnalyticsSchema } from '../../../electron/core/analytics/analyticsSchema';
import { localTrends } from '../../../electron/core/analytics/localTrends';
import { catchUpRollups } from '../../../electron/core/analytics/rollupCatchUp';
import { todayFigures } from '../../../electron/core/analytics/todayFigures';
import { migrate } from '../../../electron/core/db/migrate';

const arg = (args: string[], name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};

const ms = (t0: number): number => Math.round((performance.now() - t0) * 10) / 10;

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export default async function dashboardLocal(args: string[]): Promise<Record<string, unknown>> {
  const sales = Number(arg(args, 'sales', '1000000'));
  const zone = arg(args, 'zone', 'Europe/Berlin');
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-dash-'));
  const db = new Database(path.join(dir, 'till.sqlite'));
  db.pragma('journal_mode = WAL');
  try {
    migrate(db);
    db.prepare(
      `INSERT INTO settings (id, store_id, till_id, store_code, till_code, store_name, currency, locale, time_zone,
         tax_mode, discount_limit_bp, refund_limit, created_at) VALUES (1, 's', 't', 'S', 'T', 'Bench', 'EUR', 'de-DE', ?, 'inclusive', 0, 0, 0)`,
    ).run(zone);
    const end = Date.now();
    const span = 3 * 365 * 86_400_000;
    // The analytics trigger is installed first, as on a real till that sells after an upgrade.
    ensureAnalyticsSchema(db, zone);
    let t0 = performance.now();
    db.exec('BEGIN');
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO sales (event_id, kind, receipt_no, occurred_at, cashier_id, cashier_name, currency, tax_mode,
         gross, discount, tax, net, total, units)
       SELECT printf('e%09d', i), CASE WHEN i % 40 = 0 THEN 'return' ELSE 'sale' END, printf('R%09d', i),
         ? + (i * (? / ?)), 'c' || (i % 3), 'Cashier ' || (i % 3), 'EUR', 'inclusive', 0, 0, 0, 0, 0, 0 FROM n`,
    ).run(sales, end - span, span, sales);
    // 500 products, each always in the same category (as in a real catalog).
    db.prepare(
      `INSERT INTO sale_lines (event_id, line_no, product_id, sku, name, category, sub_category, unit_price, quantity,
         tax_rate_bp, gross, discount, tax, net, total)
       SELECT event_id, line_no, 'p' || pn, 'SKU-' || pn, 'Product ' || pn, 'cat' || (pn % 12), '', 1000,
         CASE kind WHEN 'return' THEN -1 ELSE 1 END, 1900, 0, 0, 0, CASE kind WHEN 'return' THEN -1000 ELSE 1000 END, 0
       FROM (SELECT s.event_id, s.kind, k.line_no, (CAST(substr(s.event_id, 2) AS INTEGER) * 7 + k.line_no * 13) % 500 AS pn
             FROM sales s JOIN (SELECT 1 AS line_no UNION ALL SELECT 2 UNION ALL SELECT 3) k
               ON k.line_no <= 1 + (CAST(substr(s.event_id, 2) AS INTEGER) % 3))`,
    ).run();
    db.exec('COMMIT');
    const loadMs = ms(t0);
    const lines = (db.prepare('SELECT count(*) AS n FROM sale_lines').get() as { n: number }).n;
    console.log(`loaded ${sales} sales, ${lines} lines in ${loadMs} ms`);

    t0 = performance.now();
    const caught = catchUpRollups(db, zone);
    const catchUpMs = ms(t0);
    console.log(
      `first catch-up: ${caught.events} events in ${caught.chunks} chunks, ${catchUpMs} ms`,
    );

    const today = localDayOf(end, zone);
    const query = {
      from: `${Number(today.slice(0, 4)) - 2}-01-01`,
      to: today,
      rankBy: 'net' as const,
      topN: 5,
    };
    const trendTimes: number[] = [];
    const filteredTimes: number[] = [];
    const todayTimes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      t0 = performance.now();
      localTrends(db, end, query);
      trendTimes.push(ms(t0));
      t0 = performance.now();
      localTrends(db, end, { ...query, category: 'cat3' });
      filteredTimes.push(ms(t0));
      t0 = performance.now();
      todayFigures(db, end, 5);
      todayTimes.push(ms(t0));
    }
    return {
      sales,
      sale_lines: lines,
      zone,
      first_catch_up_ms: catchUpMs,
      trends_3y_ms_median: median(trendTimes),
      trends_3y_category_ms_median: median(filteredTimes),
      today_ms_median: median(todayTimes),
    };
  } finally {
    db.close();
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(dir);
  }
}
