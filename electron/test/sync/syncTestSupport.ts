// Test support for the sync unit tests: a migrated till database in a temp dir, outbox rows
// written directly, and a tiny HTTP peer that speaks the gateway's protocol on loopback so the
// relay's handling of each kind of answer can be driven deterministically.
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../core/db/migrate';
import { openDatabase } from '../../core/db/openDatabase';
import { settingsRepo } from '../../core/settings/settingsRepo';

export interface TempDb {
  db: Database.Database;
  close(): void;
}

export const openTempTillDb = (): TempDb => {
  const dir = mkdtempSync(join(tmpdir(), 'till-sync-'));
  const db = openDatabase(dir);
  migrate(db);
  return {
    db,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** A set-up till's settings row with these ids (the relay reads the store/till ids from it). */
export const insertTillSettings = (db: Database.Database, storeId: string, tillId: string): void =>
  settingsRepo(db).insert({
    storeId,
    tillId,
    storeCode: 'S1',
    tillCode: 'T1',
    storeName: 'Test store',
    currency: 'EUR',
    locale: 'en-IE',
    timeZone: 'UTC',
    taxMode: 'inclusive',
    receiptHeader: '',
    discountLimitBp: 2_000,
    refundLimit: 10_000,
    voidApprovalLimit: 10_000,
    createdAt: 0,
  });

export const insertOutboxRows = (
  db: Database.Database,
  count: number,
  startSeq = 1,
  storeId = 'local-store',
): string[] => {
  const insert = db.prepare<[number, string, string, number, string]>(
    'INSERT INTO outbox (seq, event_id, type, occurred_at, body) VALUES (?, ?, ?, ?, ?)',
  );
  const bumpOutboxSeq = db.prepare<[number]>(
    `INSERT INTO counters (name, value) VALUES ('outbox_seq', ?)
     ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)`,
  );
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const seq = startSeq + i;
      const eventId = `00000000-0000-7000-8000-${String(seq).padStart(12, '0')}`;
      const body = JSON.stringify({
        eventId,
        type: 'sale',
        storeId,
        tillId: 'local-till',
        seq,
        occurredAt: 1_700_000_000_000 + seq,
        payload: {},
      });
      insert.run(seq, eventId, 'sale', 1_700_000_000_000 + seq, body);
      ids.push(eventId);
    }
    // As outbox.append does: the gapless counter names the last seq handed out.
    bumpOutboxSeq.run(startSeq + count - 1);
  })();
  return ids;
};

export interface PeerRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type PeerHandler = (req: PeerRequest, res: ServerResponse) => void;

export const startHttpPeer = async (
  handler: PeerHandler,
): Promise<{ url: string; requests: PeerRequest[]; close(): Promise<void> }> => {
  const requests: PeerRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(r);
      handler(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/** Accepts every event of a push, optionally rejecting some by eventId. */
export const answerPush = (
  req: PeerRequest,
  res: ServerResponse,
  reject: ReadonlySet<string> = new Set(),
): void => {
  const { events } = JSON.parse(req.body) as { events: { eventId: string }[] };
  json(res, 200, {
    results: events.map((e, index) =>
      reject.has(e.eventId)
        ? {
            eventId: e.eventId,
            index,
            status: 'rejected',
            code: 'INVALID_EVENT',
            message: 'payload.lines: too small',
          }
        : { eventId: e.eventId, index, status: 'accepted' },
    ),
  });
};

export const waitFor = async (check: () => boolean, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};
