// What a till committed, read straight from its SQLite file after its process stopped: every
// outbox event (the till's facts), what is still pending, and the sales figures for the summary.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/core/db/openDatabase';

export interface TillLedger {
  key: string;
  storeId: string;
  tillId: string;
  events: number;
  pending: number;
  rejected: number;
  sales: number;
  returns: number;
  /** Σ net of sales and returns (returns negative), minor units (INR paise). */
  net: number;
  units: number;
  /** Sale and return lines. */
  lines: number;
  byType: Record<string, number>;
  /** Every event id the till committed, sorted. */
  eventIds: string[];
  /** Ids of events the gateway refused (they must not be in the warehouse). */
  rejectedIds: string[];
}

export const readTillLedger = (key: string, dataDir: string): TillLedger => {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const settings = db.prepare('SELECT store_id, till_id FROM settings').get() as
      { store_id: string; till_id: string } | undefined;
    const status = db.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as {
      status: string;
      n: number;
    }[];
    const count = (s: string): number => status.find((r) => r.status === s)?.n ?? 0;
    const byType = Object.fromEntries(
      (
        db.prepare('SELECT type, count(*) AS n FROM outbox GROUP BY type').all() as {
          type: string;
          n: number;
        }[]
      ).map((r) => [r.type, r.n]),
    );
    const figures = db
      .prepare(
        `SELECT count(*) FILTER (WHERE kind = 'sale') AS sales,
                count(*) FILTER (WHERE kind = 'return') AS returns,
                coalesce(sum(net), 0) AS net, coalesce(sum(units), 0) AS units,
                (SELECT count(*) FROM sale_lines) AS lines FROM sales`,
      )
      .get() as { sales: number; returns: number; net: number; units: number; lines: number };
    const ids = (where: string): string[] =>
      (
        db.prepare(`SELECT event_id FROM outbox ${where} ORDER BY event_id`).raw().all() as [
          string,
        ][]
      ).map((r) => r[0]);
    return {
      key,
      storeId: settings?.store_id ?? '',
      tillId: settings?.till_id ?? '',
      events: count('pending') + count('sent') + count('rejected'),
      pending: count('pending'),
      rejected: count('rejected'),
      ...figures,
      byType,
      eventIds: ids("WHERE status <> 'rejected'"),
      rejectedIds: ids("WHERE status = 'rejected'"),
    };
  } finally {
    db.close();
  }
};
