// Reads back from Postgres the same figures expectedFigures() computes from events, from the
// rollups and from the facts separately, so tests and the benchmark compare like with like.
import type { SqlClient } from '../src/warehouse/sqlClient';
import { toInt } from '../src/warehouse/sqlClient';
import type { StoreFigures } from './expectedFigures';

export interface WarehouseFigures {
  byStore: Map<string, StoreFigures>;
  netByStoreDay: Map<string, number>;
  onHand: Map<string, number>;
}

type Row = Record<string, unknown>;

const figures = (r: Row): StoreFigures => ({
  orders: toInt(r.orders),
  returns: toInt(r.returns),
  net: toInt(r.net),
  gross: toInt(r.gross),
  tax: toInt(r.tax),
  discount: toInt(r.discount),
  units: toInt(r.units),
  lines: toInt(r.lines),
});

export const figuresFromRollups = async (db: SqlClient): Promise<WarehouseFigures> => {
  const stores =
    await db.query(`SELECT store_id, sum(orders) orders, sum(returns) returns, sum(net) net, sum(gross) gross,
    sum(tax) tax, sum(discount) discount, sum(units) units, sum(lines) lines FROM rollup_day_store GROUP BY 1`);
  const days = await db.query(
    `SELECT store_id || '|' || day::text AS k, net FROM rollup_day_store`,
  );
  const stock = await db.query(
    `SELECT store_id || '|' || product_id AS k, on_hand FROM stock_on_hand`,
  );
  return {
    byStore: new Map(stores.rows.map((r: Row) => [String(r.store_id), figures(r)])),
    netByStoreDay: new Map(days.rows.map((r: Row) => [String(r.k), toInt(r.net)])),
    onHand: new Map(stock.rows.map((r: Row) => [String(r.k), toInt(r.on_hand)])),
  };
};

export const figuresFromFacts = async (db: SqlClient): Promise<WarehouseFigures> => {
  const stores =
    await db.query(`SELECT store_id, count(DISTINCT event_id) FILTER (WHERE NOT is_return) orders,
    count(DISTINCT event_id) FILTER (WHERE is_return) returns, sum(net) net, sum(gross) gross, sum(tax) tax,
    sum(discount) discount, sum(quantity) units, count(*) lines FROM sale_lines GROUP BY 1`);
  const days = await db.query(
    `SELECT store_id || '|' || local_day::text AS k, sum(net) net FROM sale_lines GROUP BY 1`,
  );
  const stock = await db.query(
    `SELECT store_id || '|' || product_id AS k, sum(quantity) on_hand FROM stock_movements GROUP BY 1`,
  );
  return {
    byStore: new Map(stores.rows.map((r: Row) => [String(r.store_id), figures(r)])),
    netByStoreDay: new Map(days.rows.map((r: Row) => [String(r.k), toInt(r.net)])),
    onHand: new Map(stock.rows.map((r: Row) => [String(r.k), toInt(r.on_hand)])),
  };
};
