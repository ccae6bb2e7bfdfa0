// The relay thread's writes (rows marked sent or rejected, last_sync_at, needs_reenrolment) are
// committed by the main connection, not the relay's own. SQLite has one writer: while the relay
// thread held the write lock for a chunk of status updates, a scan's cart write on the main
// thread waited in SQLite's busy handler, and the relay thread runs at a low priority, so on a
// busy CPU it was often descheduled inside its transaction. The catch-up bench measured the
// chunk's 0.6 ms of work taking p95 10-50 ms wall-clock and the main thread's BEGIN IMMEDIATE
// waiting p95 5-20 ms while a backlog drained (0.1 ms idle). With every write on the main
// thread, a scan never waits behind another thread's lock: at most it runs after one status
// chunk (ANSWER_CHUNK rows, a few hundred microseconds; each chunk is its own macrotask, so
// requests that arrived meanwhile run between chunks).
//
// The relay stays synchronous: its worker posts a request on a port of its own and sleeps on a
// shared cell (Atomics.wait) until the main thread has committed and answered on that port.
import {
  MessageChannel,
  receiveMessageOnPort,
  type MessagePort,
  type TransferListItem,
} from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { ANSWER_CHUNK, type EventAnswer, type OutboxQueue } from '../outbox/outboxQueue';
import type { SyncSettings } from './syncSettings';

type SettingKey = Parameters<SyncSettings['set']>[0];

export type RelayWrite =
  | { kind: 'answers'; answers: readonly EventAnswer[]; now: number }
  | { kind: 'reject'; seq: number; code: string; reason: string; now: number }
  | { kind: 'attempts'; seqs: readonly number[] }
  | { kind: 'setting'; key: SettingKey; value: string };

/** Rows changed, or the error the main connection raised (its SQLite code kept for the relay). */
export type RelayWriteReply =
  { ok: true; changed: number } | { ok: false; message: string; code: string | null };

/** What the worker hands the main thread once: the port requests arrive on, and the wake cell. */
export interface RelayWriteChannel {
  port: MessagePort;
  cell: SharedArrayBuffer;
}

/** A main thread that does not answer in this long is gone (closing); the relay stops. */
const REPLY_TIMEOUT_MS = 60_000;

const WAITING = 0;
const ANSWERED = 1;

// ---- relay thread side ----------------------------------------------------------------------

export interface MainThreadWriter {
  /** Sent to the main thread once (port transferred, cell shared). */
  channel: RelayWriteChannel;
  transfer: TransferListItem[];
  /** Blocks the relay thread until the main thread committed `write`; throws its error. */
  write(write: RelayWrite): number;
  close(): void;
}

export const createMainThreadWriter = (): MainThreadWriter => {
  const { port1, port2 } = new MessageChannel();
  const cellBuffer = new SharedArrayBuffer(4);
  const cell = new Int32Array(cellBuffer);
  return {
    channel: { port: port2, cell: cellBuffer },
    transfer: [port2],
    write(write) {
      Atomics.store(cell, 0, WAITING);
      port1.postMessage(write);
      if (Atomics.wait(cell, 0, WAITING, REPLY_TIMEOUT_MS) === 'timed-out')
        throw new Error('the till did not record what the sync service answered in time');
      const reply = receiveMessageOnPort(port1)?.message as RelayWriteReply | undefined;
      if (!reply) throw new Error('the till answered a status write without a result');
      if (reply.ok) return reply.changed;
      throw Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {});
    },
    close: () => port1.close(),
  };
};

// ---- main thread side -----------------------------------------------------------------------

export interface RelayWriteApplier {
  /** Answers every request arriving on `channel` until the port closes. */
  serve(channel: RelayWriteChannel): void;
}

const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

export const createRelayWriteApplier = (
  db: Database.Database,
  queue: OutboxQueue,
  settings: SyncSettings,
): RelayWriteApplier => {
  // The relay's own connection committed these with synchronous=NORMAL: a status flip lost to a
  // power cut only means the event is pushed again (HQ is idempotent by eventId). The main
  // connection is FULL for sales, so it switches around these writes (prepared once).
  const normal = db.prepare('PRAGMA synchronous = NORMAL');
  const full = db.prepare('PRAGMA synchronous = FULL');
  const unsynced = <T>(work: () => T): T => {
    normal.run();
    try {
      return work();
    } finally {
      full.run();
    }
  };
  const apply = async (write: RelayWrite): Promise<number> => {
    switch (write.kind) {
      case 'answers': {
        let changed = 0;
        for (let i = 0; i < write.answers.length; i += ANSWER_CHUNK) {
          // A scan's request that arrived meanwhile runs before the next chunk.
          await nextTask();
          const chunk = write.answers.slice(i, i + ANSWER_CHUNK);
          changed += unsynced(() => queue.applyAnswers(chunk, write.now));
        }
        return changed;
      }
      case 'reject':
        await nextTask();
        return unsynced(() => queue.reject(write.seq, write.code, write.reason, write.now));
      case 'attempts':
        await nextTask();
        unsynced(() => queue.countAttempt(write.seqs));
        return write.seqs.length;
      case 'setting':
        unsynced(() => settings.set(write.key, write.value));
        return 1;
    }
  };
  return {
    serve({ port, cell }) {
      const wake = new Int32Array(cell);
      // One request at a time: the relay thread sleeps until it has its answer.
      port.on('message', (write: RelayWrite) => {
        void apply(write)
          .then(
            (changed): RelayWriteReply => ({ ok: true, changed }),
            (e: unknown): RelayWriteReply => ({
              ok: false,
              message: e instanceof Error ? e.message : String(e),
              code:
                typeof (e as { code?: unknown }).code === 'string'
                  ? (e as { code: string }).code
                  : null,
            }),
          )
          .then((reply) => {
            try {
              port.postMessage(reply);
            } finally {
              Atomics.store(wake, 0, ANSWERED);
              Atomics.notify(wake, 0);
            }
          });
      });
      port.unref(); // the worker's own lifetime decides; this port never keeps the till alive
    },
  };
};
