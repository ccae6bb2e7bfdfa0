// The messages between the till's main thread and the outbox relay's worker thread. Only plain,
// structured-clonable data crosses: the worker has its own database connection, and the token is
// handed over at start (the vault may need the main process, e.g. an OS keychain).
import type { BackoffPolicy } from './backoff';
import type { BatchCaps } from './outboxBatch';
import type { RelayState } from './outboxRelay';

export interface RelayWorkerConfig {
  /** The till database file; the worker opens its own connection to it (WAL). */
  dbFile: string;
  token: string | null;
  /** Added to the worker's Date.now(), so an injected clock on the main side is followed. */
  clockOffsetMs: number;
  caps?: BatchCaps;
  backoff?: BackoffPolicy;
  requestTimeoutMs?: number;
  idlePollMs?: number;
  /** The main thread's CashierGate buffer: status writes wait while a call holds it. */
  cashierGate?: SharedArrayBuffer;
}

export type ToRelayWorker =
  | { type: 'start'; config: RelayWorkerConfig }
  | { type: 'kick'; clockOffsetMs: number }
  | { type: 'retry-now'; clockOffsetMs: number }
  | { type: 'pulled'; id: number }
  | { type: 'stop' };

/** The relay's state plus where its running pending tally stands (see pendingTally). */
export interface WorkerRelayState extends RelayState {
  /** Pending rows with a seq above this were committed after the tally last looked. */
  countedThroughSeq: number;
}

export type FromRelayWorker =
  | { type: 'state'; state: WorkerRelayState }
  | { type: 'log'; message: string }
  /** The relay finished a round: the main thread pulls HQ's side and answers 'pulled'. */
  | { type: 'pull'; id: number }
  | { type: 'stopped'; state: WorkerRelayState };
