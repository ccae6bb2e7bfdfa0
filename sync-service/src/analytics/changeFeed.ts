// Hears the consumer's NOTIFY (sent inside the applying transaction, so only after commit) on a
// dedicated LISTEN connection and fans it out to in-process subscribers (the SSE streams). Works
// across processes: any number of consumer and API instances share Postgres. Reconnects on loss.
import pg from 'pg';
import type { AnalyticsChange } from '../../../shared/sync/analyticsApi';
import type { Logger } from '../ops/logger';
import { ANALYTICS_CHANNEL } from '../warehouse/analyticsStateRepo';

export type ChangeListener = (changes: readonly AnalyticsChange[]) => void;

export interface AnalyticsChangeFeed {
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

const parseChanges = (payload: string | undefined): AnalyticsChange[] => {
  try {
    const value: unknown = JSON.parse(payload ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter(
      (c): c is AnalyticsChange =>
        typeof c === 'object' &&
        c !== null &&
        typeof c.storeId === 'string' &&
        typeof c.version === 'number',
    );
  } catch {
    return [];
  }
};

export const startAnalyticsChangeFeed = async (
  databaseUrl: string,
  logger: Pick<Logger, 'warn'>,
): Promise<AnalyticsChangeFeed> => {
  const listeners = new Set<ChangeListener>();
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'analytics-change-feed',
    });
    c.on('notification', (msg) => {
      const changes = parseChanges(msg.payload);
      if (changes.length > 0) for (const l of listeners) l(changes);
    });
    const reconnect = (e?: unknown): void => {
      if (closed || client !== c) return;
      client = null;
      logger.warn({ error: e }, 'analytics change feed lost its connection; reconnecting');
      c.end().catch(() => undefined);
      retry = setTimeout(() => void connect().catch(reconnectLater), 1_000);
    };
    c.on('error', reconnect);
    c.on('end', () => reconnect());
    client = c;
    await c.connect();
    await c.query(`LISTEN ${ANALYTICS_CHANNEL}`);
  };
  const reconnectLater = (e: unknown): void => {
    if (closed) return;
    logger.warn({ error: e }, 'analytics change feed cannot connect; retrying');
    client = null;
    retry = setTimeout(() => void connect().catch(reconnectLater), 1_000);
  };

  await connect();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      listeners.clear();
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
};
