// Pulls HQ's figures for this store into the core's analytics cache (written only through
// analytics/analyticsCacheRepo.ts, the table's owner), so the dashboard shows the last HQ figures
// offline, stamped 'as of'. Each query is conditional (If-None-Match with the
// ETag last seen for the same request), so an unchanged store costs a 304 and no body.
import type { AnalyticsCacheRepo, HqAnalyticsKey } from '../analytics/analyticsCacheRepo';
import type { TillIdentityRepo } from '../settings/settingsRepo';
import type { GatewayFailure } from './gatewayClient';
import { callGateway } from './gatewayClient';
import type { SyncSettings, TokenVault } from './syncSettings';
import { addDays, addMonths, localDayOf } from '../../../shared/calendar';

/** The dashboard's queries for today on the store's calendar. */
export const analyticsQueries = (now: number, timeZone: string): Record<HqAnalyticsKey, string> => {
  const today = localDayOf(now, timeZone);
  const year = Number(today.slice(0, 4));
  const monthStart = `${today.slice(0, 7)}-01`;
  const elevenMonthsAgo = `${addMonths(today.slice(0, 7), -11)}-01`;
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

const asOfOf = (body: unknown): number | null => {
  if (typeof body !== 'object' || body === null || !('meta' in body)) return null;
  const meta = (body as { meta: unknown }).meta;
  if (typeof meta !== 'object' || meta === null || !('asOf' in meta)) return null;
  const asOf = (meta as { asOf: unknown }).asOf;
  return typeof asOf === 'number' ? asOf : null;
};

export interface AnalyticsPullDeps {
  /** The core's settings row (the store's calendar). */
  till: Pick<TillIdentityRepo, 'get'>;
  cache: AnalyticsCacheRepo;
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
  const zone = deps.till.get()?.timeZone ?? 'UTC';
  const cache = deps.cache;
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
