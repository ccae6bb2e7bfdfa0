// The live last hour for HQ: 60 one-minute buckets up to HQ's clock, the window's totals and its
// top products, read from the sale_lines facts (the day rollups are too coarse for "now") and
// labelled as every HQ figure is (productLabels.ts). The local_day bounds (±1 day around the UTC
// days: every zone's local day lies within) let the month partitions and the (store_id, local_day)
// index narrow the scan to a day or two.
import { salesKpis, topN, type SalesKpis } from '../../../shared/kpi';
import type { LiveMinute, TopProductRow } from '../../../shared/sync/analyticsApi';
import { toInt, type SqlClient } from '../warehouse/sqlClient';
import { productLabelJoin } from './productLabels';

export const LIVE_MINUTES = 60;
export const LIVE_TOP_PRODUCTS = 10;
const MINUTE_MS = 60_000;

export interface LiveHour {
  windowStart: number;
  windowEnd: number;
  minutes: LiveMinute[];
  totals: SalesKpis;
  topProducts: TopProductRow[];
}

const WINDOW = `store_id = coalesce($1, store_id)
  AND local_day BETWEEN ($2::timestamptz AT TIME ZONE 'UTC')::date - 1
                    AND ($3::timestamptz AT TIME ZONE 'UTC')::date + 1
  AND sold_at >= $2 AND sold_at < $3`;

/** The hour ending with the current minute (its partial minute included). */
export async function liveHour(
  db: SqlClient,
  storeId: string | null,
  now: number = Date.now(),
): Promise<LiveHour> {
  const windowEnd = Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const windowStart = windowEnd - LIVE_MINUTES * MINUTE_MS;
  const params = [storeId, new Date(windowStart), new Date(windowEnd)];
  // One after the other: `db` is usually one client inside a snapshot transaction.
  const perMinute = await db.query<{ minute_ms: string; orders: string; net: string }>(
    `SELECT (extract(epoch FROM date_trunc('minute', sold_at)) * 1000)::bigint::text AS minute_ms,
              count(DISTINCT event_id) FILTER (WHERE NOT is_return) AS orders, sum(net) AS net
         FROM sale_lines WHERE ${WINDOW} GROUP BY 1`,
    params,
  );
  const totals = await db.query<Record<string, string | null>>(
    `SELECT count(DISTINCT event_id) FILTER (WHERE NOT is_return) AS orders,
              count(DISTINCT event_id) FILTER (WHERE is_return) AS returns,
              sum(net) AS net, sum(gross) AS gross, sum(tax) AS tax, sum(discount) AS discount,
              sum(quantity) AS units
         FROM sale_lines WHERE ${WINDOW}`,
    params,
  );
  const products = await db.query<{
    product_id: string;
    sku: string;
    name: string;
    category: string;
    net: string;
    units: string;
  }>(
    `SELECT f.product_id, coalesce(p.sku, f.sku) AS sku, coalesce(p.name, f.product_id) AS name,
            coalesce(p.category, '') AS category, f.net, f.units
       FROM (SELECT product_id, max(sku) AS sku, sum(net) AS net, sum(quantity) AS units
               FROM sale_lines WHERE ${WINDOW}
              GROUP BY product_id ORDER BY sum(net) DESC, product_id LIMIT $4) f
       ${productLabelJoin('f.product_id', '$1')}
      ORDER BY f.net DESC, f.product_id`,
    [...params, LIVE_TOP_PRODUCTS],
  );
  const byMinute = new Map(perMinute.rows.map((r) => [Number(r.minute_ms), r]));
  const minutes: LiveMinute[] = Array.from({ length: LIVE_MINUTES }, (_, i) => {
    const minute = windowStart + i * MINUTE_MS;
    const row = byMinute.get(minute);
    return { minute, orders: toInt(row?.orders), netSales: toInt(row?.net) };
  });
  const t = totals.rows[0] ?? {};
  const topProducts = topN(
    products.rows.map((r) => ({ ...r, netSales: toInt(r.net), unitsSold: toInt(r.units) })),
    LIVE_TOP_PRODUCTS,
    (r) => r.netSales,
    (r) => r.product_id,
  ).map(({ rank, item }) => ({
    rank,
    productId: item.product_id,
    sku: item.sku,
    name: item.name,
    category: item.category,
    netSales: item.netSales,
    units: item.unitsSold,
  }));
  return {
    windowStart,
    windowEnd,
    minutes,
    totals: salesKpis({
      netSales: toInt(t.net),
      orders: toInt(t.orders),
      returns: toInt(t.returns),
      units: toInt(t.units),
      tax: toInt(t.tax),
      discount: toInt(t.discount),
      gross: toInt(t.gross),
    }),
    topProducts,
  };
}
