// The HQ view's "tills' last sync": every till in scope with how long ago HQ last accepted a push
// from it (relative, and on the store's clock), the newest sale time HQ has applied for it, and
// a warning for tills silent longer than the threshold. Table view and CSV like every card.
import type { TillSyncRow } from '../../../shared/sync/analyticsApi';
import { ChartCard, type Column } from './ChartCard';
import {
  relativeAge,
  storeClockTime,
  SYNC_OVERDUE_MS,
  syncHealth,
  type SyncHealth,
} from './syncAge';

interface Props {
  title: string;
  testId: string;
  rows: readonly TillSyncRow[];
  /** HQ's clock when the rows were read: ages are measured against it. */
  hqTime: number;
  locale: string;
  fileSuffix: string;
}

const HEALTH_TEXT: Record<SyncHealth, string> = {
  ok: 'OK',
  overdue: 'Overdue',
  never: 'Never synced',
};

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

const columns = (hqTime: number, locale: string): Column<TillSyncRow>[] => {
  const at = (ms: number | null, r: TillSyncRow) =>
    ms === null ? '—' : storeClockTime(ms, locale, r.timeZone);
  return [
    { label: 'Store', csv: (r) => r.storeName },
    { label: 'Till', csv: (r) => r.tillName || r.tillId },
    {
      label: 'Last sync',
      csv: (r) => iso(r.lastPushAt),
      show: (r) => (r.lastPushAt === null ? 'never' : relativeAge(hqTime - r.lastPushAt, locale)),
    },
    {
      label: 'Last sync (store time)',
      csv: (r) => (r.lastPushAt === null ? '' : at(r.lastPushAt, r)),
      show: (r) => at(r.lastPushAt, r),
    },
    {
      label: 'Minutes since sync',
      csv: (r) => (r.lastPushAt === null ? '' : Math.floor((hqTime - r.lastPushAt) / 60_000)),
      show: (r) =>
        r.lastPushAt === null ? '—' : String(Math.floor((hqTime - r.lastPushAt) / 60_000)),
      numeric: true,
    },
    {
      label: 'Newest event at HQ (store time)',
      csv: (r) => iso(r.appliedEventAt),
      show: (r) => at(r.appliedEventAt, r),
    },
    {
      label: 'Status',
      csv: (r) => HEALTH_TEXT[syncHealth(r, hqTime)],
      show: (r) => {
        const health = syncHealth(r, hqTime);
        return (
          <span className={`dash-sync dash-sync-${health}`} data-testid={`till-sync-${r.tillId}`}>
            {HEALTH_TEXT[health]}
          </span>
        );
      },
    },
  ];
};

export function TillSyncCard({ title, testId, rows, hqTime, locale, fileSuffix }: Props) {
  const late = rows.filter((r) => syncHealth(r, hqTime) !== 'ok').length;
  const minutes = Math.round(SYNC_OVERDUE_MS / 60_000);
  return (
    <ChartCard
      title={title}
      testId={testId}
      columns={columns(hqTime, locale)}
      rows={rows}
      fileSuffix={fileSuffix}
      tableOnly
      wide
      note={
        <span
          data-testid={`${testId}-summary`}
          className={late > 0 ? 'dash-sync-warning' : undefined}
        >
          {late === 0
            ? `All ${rows.length} tills synced within ${minutes} min.`
            : `${late} of ${rows.length} tills not synced within ${minutes} min: their sales may be waiting on the till.`}
        </span>
      }
    />
  );
}
