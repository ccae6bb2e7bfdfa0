// What the simulator's parent process and its till worker processes say to each other (Node IPC).
// A worker hosts several till cores so hundreds of tills fit on a small machine.

export interface SimTillSpec {
  /** "s3t1": store 3, till 1 (1-based, as printed in the summary). */
  key: string;
  dataDir: string;
  storeName: string;
  storeIndex: number;
  tillIndex: number;
  /** Per-till seed: the same chain seed always rings the same baskets. */
  seed: number;
  hqUrl: string;
  /** One-time enrolment code; null when the till already exists (a restarted worker). */
  enrollmentCode: string | null;
}

export interface SimRelayTuning {
  backoffBaseMs: number;
  backoffMaxMs: number;
  idlePollMs: number;
  maxEvents: number;
}

export interface DayPlan {
  /** Local calendar day (days since the epoch) of the first simulated day. */
  firstDay: number;
  days: number;
  /** Sales per real second per till; 0 rings as fast as the till can. */
  salesPerSecond: number;
  /** Stop ringing after this many real milliseconds (0: when the days are done). */
  maxRealMs: number;
}

export type ToWorker =
  | {
      kind: 'open';
      tills: SimTillSpec[];
      catalog: { seed: number; count: number };
      relay: SimRelayTuning;
      /** Record each outbox row's real commit time (freshness measurement). */
      trackCommits: boolean;
    }
  | { kind: 'go'; plan: DayPlan }
  | { kind: 'finish' }
  | { kind: 'close' };

export type FromWorker =
  | { kind: 'opened'; tills: number }
  | { kind: 'progress'; sales: number }
  | { kind: 'generated'; sales: number; failures: string[] }
  | { kind: 'drained' }
  | { kind: 'commits'; entries: [string, number][] }
  | { kind: 'closed' }
  | { kind: 'failed'; message: string };
