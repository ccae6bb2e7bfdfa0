// What the till's sync side shows the UI: enrolment, online/offline, the queue, and rejected
// events the owner should look at. Produced by electron/core/sync/syncEngine.ts.

export interface RejectedEventInfo {
  eventId: string;
  type: string;
  seq: number;
  /** The gateway's code (e.g. INVALID_EVENT) or the till's own (UNSENDABLE, TOO_LARGE, FORBIDDEN). */
  code: string;
  reason: string;
  at: number;
}

export interface SyncStatus {
  enrolled: boolean;
  hqUrl: string | null;
  storeId: string | null;
  tillId: string | null;
  /** HQ's name and city of the store this till joined (from the enrolment answer). */
  storeName: string | null;
  storeCity: string | null;
  /** When this till was enrolled (UTC ms). */
  enrolledAt: number | null;
  /** The relay is running (enrolled, not waiting for re-enrolment). */
  running: boolean;
  /** Last contact with the sync service succeeded; null before the first attempt. */
  online: boolean | null;
  /**
   * The token was refused (HQ revoked this till, or re-issued its code): the till keeps selling
   * offline and queues its sales until it is enrolled again with a new code.
   */
  needsReenrolment: boolean;
  /** Outbox events not yet acknowledged by the sync service. */
  pending: number;
  /** Last time the sync service acknowledged a push (UTC ms). */
  lastSyncAt: number | null;
  lastError: string | null;
  /** When the relay retries after a failure (UTC ms), null when not backing off. */
  nextRetryAt: number | null;
  catalogSyncedAt: number | null;
  analyticsFetchedAt: number | null;
  /** Rejected events the owner has not dismissed yet (newest first, at most 50). */
  rejected: RejectedEventInfo[];
}
