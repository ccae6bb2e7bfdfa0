// Applies a sub-batch so that a few bad events cost a few transactions, not one per event. The
// whole sub-batch is tried in one transaction; when Postgres refuses it for its data, it is split
// in halves and each half tried again, recursively, until every bad event is alone (and is handed
// back to be dead-lettered) and everything else has been applied in as few transactions as the
// split allows. One bad event among n costs about 2·log2(n) + 1 transactions; the event-by-event
// retry this replaces cost n + 1, stalling every store on the partition behind a 5,000-event
// sub-batch. Errors that are not about the data (database down) propagate at once.
import type { ApplyOutcome } from '../warehouse/applyEvents';
import type { LedgerEntry } from '../warehouse/eventsRepo';

export interface RefusedEntry {
  entry: LedgerEntry;
  error: Error;
}

export interface BisectResult {
  outcomes: ApplyOutcome[];
  refused: RefusedEntry[];
  /** Transactions tried (committed or rolled back), for the consumer's metrics and tests. */
  transactions: number;
}

export const applyBisecting = async (
  apply: (entries: readonly LedgerEntry[]) => Promise<ApplyOutcome>,
  isDataError: (e: unknown) => boolean,
  entries: readonly LedgerEntry[],
): Promise<BisectResult> => {
  const result: BisectResult = { outcomes: [], refused: [], transactions: 0 };
  const attempt = async (part: readonly LedgerEntry[]): Promise<void> => {
    if (part.length === 0) return;
    result.transactions++;
    try {
      result.outcomes.push(await apply(part));
    } catch (e) {
      if (!isDataError(e)) throw e;
      const only = part[0];
      if (part.length === 1 && only) {
        result.refused.push({ entry: only, error: e instanceof Error ? e : new Error(String(e)) });
        return;
      }
      // In order, so the good events of one store still land oldest first.
      const half = Math.ceil(part.length / 2);
      await attempt(part.slice(0, half));
      await attempt(part.slice(half));
    }
  };
  await attempt(entries);
  return result;
};
