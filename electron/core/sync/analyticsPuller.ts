// Pulls HQ's figures for this store and keeps them in analytics_cache, so the dashboard shows the
// last HQ figures offline, stamped 'as of'. Each query is conditional (If-None-Match with the
// ETag last seen for the same request), so an unchanged store costs a 304 and no body.
import type Database from 'better-sqlite3';
import type { GatewayFailure } from './gatewayClient';
import { callGateway } from './gatewayClient';
import type { SyncSettings, TokenVault } from './syncSettings';
import { addDays, localDayOf } from '../../../shared/calendar';

export const HQ_ANALYTICS_KEYS = [
  'summaryMonths',
  'summaryDays',
  'topProducts',
  'categories',
  'refill',
] as const;
export type HqAnalyticsKey = (typeof HQ_ANALYTICS_KEYS)[number];

export interface CachedAnalytics {
  key: HqAnalyticsKey;
  url: string;
  etag: string | null;
  body: unknown;
  asOf: number | null;
  fetchedAt: number;
}

/** The dashboard's queries for today on the store's calendar. */
export const analyticsQueries = (now: number, timeZone: string): Record<HqAnalyticsKey, string> => {
  const today = localDayOf(now, timeZone);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const monthStart = `${today.slice(0, 7)}-01`;
  const elevenMonthsAgo = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10);
  const q = (path: string, params: Record<string, string>) =>
    `${path}?${new URLSearchParams({ scope: 'store', ...params }).toString()}`;
  return {
    summaryMonths: q('/v1/analytics/summary', {
      grain: 'month',
      from: `${year - 1}-01-01`,
      to: today,
    }),
    summaryDays: q('/v1/analytics/summary', {
      grain: 'day',
      from: addDays(today, -34),
      to: today,
    }),
    topProducts: q('/v1/analytics/top-products', { from: elevenMonthsAgo, to: today, limit: '10' }),
    categories: q('/v1/analytics/breakdown', { by: 'category', from: monthStart, to: today }),
    refill: q('/v1/analytics/stock', { refillOnly: 'true' }),
  };
};

interface CacheRow {
  query_key: string;
  url: string;
  etag: string | null;
  body: string;
  as_of: number | null;
  fetched_at: number;
}

export const analyticsCacheRepo = (db: Database.Database) => {
  const get = db.prepare<[string], CacheRow>('SELECT * FROM analytics_cache WHERE query_key = ?');
  const all = db.prepare<[], CacheRow>('SELECT * FROM analytics_cache');
  const put = db.prepare<[string, string, string | null, string, number | null, number]>(
    `INSERT INTO analytics_cache (query_key, url, etag, body, as_of, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (query_key) DO UPDATE SET url = excluded.url, etag = excluded.etag, body = excluded.body,
       as_of = excluded.as_of, fetched_at = excluded.fetched_at`,
  );
  const touch = db.prepare<[number, string]>(
    'UPDATE analytics_cache SET fetched_at = ? WHERE query_key = ?',
  );
  const clear = db.prepare('DELETE FROM analytics_cache');
  const fromRow = (r: CacheRow): CachedAnalytics => ({
    key: r.query_key as HqAnalyticsKey,
    url: r.url,
    etag: r.etag,
    body: JSON.parse(r.body) as unknown,
    asOf: r.as_of,
    fetchedAt: r.fetched_at,
  });
  return {
    get: (key: HqAnalyticsKey): CachedAnalytics | null => {
      const r = get.get(key);
      return r ? fromRow(r) : null;
    },
    all: (): CachedAnalytics[] =>
      all
        .all()
        .filter((r) => (HQ_ANALYTICS_KEYS as readonly string[]).includes(r.query_key))
        .map(fromRow),
    put: (e: Omit<CachedAnalytics, 'body'> & { body: string }) =>
      put.run(e.key, e.url, e.etag, e.body, e.asOf, e.fetchedAt),
    touch: (key: HqAnalyticsKey, at: number) => touch.run(at, key),
    clear: () => clear.run(),
  };
};

const asOfOf = (body: unknown): number | null => {
  if (typeof body !== 'object' || body === null || !('meta' in body)) return null;
  const meta = (body as { meta: unknown }).meta;
  if (typeof meta !== 'object' || meta === null || !('asOf' in meta)) return null;
  const asOf = (meta as { asOf: unknown }).asOf;
  return typeof asOf === 'number' ? asOf : null;
};

export interface AnalyticsPullDeps {
  db: Database.Database;
  settings: SyncSettings;
  vault: TokenVault;
  now: () => number;
  timeoutMs?: number;
}

export const pullAnalytics = async (
  deps: AnalyticsPullDeps,
): Promise<
  | { ok: true; value: { changed: number; unchanged: number } }
  | { ok: false; failure: GatewayFailure }
> => {
  const identity = deps.settings.identity();
  const token = deps.vault.load();
  if (identity === null || token === null) return { ok: true, value: { changed: 0, unchanged: 0 } };
  const zone =
    deps.db.prepare<[], { time_zone: string }>('SELECT time_zone FROM settings WHERE id = 1').get()
      ?.time_zone ?? 'UTC';
  const cache = analyticsCacheRepo(deps.db);
  let changed = 0;
  let unchanged = 0;
  for (const [key, url] of Object.entries(analyticsQueries(deps.now(), zone)) as [
    HqAnalyticsKey,
    string,
  ][]) {
    const cached = cache.get(key);
    const etag = cached && cached.url === url ? cached.etag : null;
    const answer = await callGateway(
      {
        baseUrl: identity.hqUrl,
        path: url,
        method: 'GET',
        token,
        timeoutMs: deps.timeoutMs ?? 30_000,
        ...(etag ? { headers: { 'if-none-match': etag } } : {}),
      },
      (body, res) => ({ body, etag: res.headers.get('etag') }),
    );
    const at = deps.now();
    if (answer.kind === 'not-modified') {
      cache.touch(key, at);
      unchanged += 1;
      continue;
    }
    if (answer.kind !== 'ok') return { ok: false, failure: answer };
    cache.put({
      key,
      url,
      etag: answer.value.etag,
      body: JSON.stringify(answer.value.body),
      asOf: asOfOf(answer.value.body),
      fetchedAt: at,
    });
    changed += 1;
  }
  deps.settings.set('analytics_fetched_at', String(deps.now()));
  return { ok: true, value: { changed, unchanged } };
};
