// The one owner of analytics_cache: HQ's answers to the dashboard's queries, kept so the dashboard
// shows HQ's figures offline, stamped 'as of'. The sync side's puller (sync/analyticsPuller.ts)
// writes through this repository and the dashboard's HQ overlay (hqTrends.ts) reads through it;
// its statements are prepared once per database (it is one of the core's repos).
import type Database from 'better-sqlite3';

/** The dashboard's HQ queries, one cache row each (their URLs move with the calendar). */
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

interface CacheRow {
  query_key: string;
  url: string;
  etag: string | null;
  body: string;
  as_of: number | null;
  fetched_at: number;
}

const isKey = (key: string): key is HqAnalyticsKey =>
  (HQ_ANALYTICS_KEYS as readonly string[]).includes(key);

const parsed = (body: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
};

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
  const fromRow = (r: CacheRow): CachedAnalytics | null => {
    const body = parsed(r.body);
    if (!body.ok || !isKey(r.query_key)) return null;
    return {
      key: r.query_key,
      url: r.url,
      etag: r.etag,
      body: body.value,
      asOf: r.as_of,
      fetchedAt: r.fetched_at,
    };
  };
  return {
    /** The cached answer, or null when there is none or it is damaged (local figures stand in). */
    get: (key: HqAnalyticsKey): CachedAnalytics | null => {
      const r = get.get(key);
      return r ? fromRow(r) : null;
    },
    all: (): CachedAnalytics[] =>
      all
        .all()
        .map(fromRow)
        .filter((e): e is CachedAnalytics => e !== null),
    put: (e: Omit<CachedAnalytics, 'body'> & { body: string }): void =>
      void put.run(e.key, e.url, e.etag, e.body, e.asOf, e.fetchedAt),
    /** HQ answered 304: the cached body still holds, as of now. */
    touch: (key: HqAnalyticsKey, at: number): void => void touch.run(at, key),
    clear: (): void => void clear.run(),
  };
};
export type AnalyticsCacheRepo = ReturnType<typeof analyticsCacheRepo>;
/** What the dashboard's HQ overlay reads. */
export type AnalyticsCacheReader = Pick<AnalyticsCacheRepo, 'get'>;
