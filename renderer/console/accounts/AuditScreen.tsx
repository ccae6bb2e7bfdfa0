// The audit log (admin only): who changed what and when, with the before and after of each
// change, newest first and paged by id; "Export CSV" downloads the whole log from HQ.
import { useMemo, useState } from 'react';
import type { AuditEntry } from '../../../shared/console/consoleApi';
import { ErrorBanner } from '../../src/components/ErrorBanner';
import { ChartCard, type Column } from '../../src/dashboard/ChartCard';
import { AUDIT_CSV_URL } from '../api/consoleCalls';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';

const PAGE = 50;

const json = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));

export function AuditScreen() {
  const { api, locale } = useSession();
  const [before, setBefore] = useState<string[]>([]);
  const cursor = before[before.length - 1];
  const q = useConsoleQuery(() => api.audit(cursor, PAGE), `audit:${cursor ?? ''}`);
  const when = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }),
    [locale],
  );
  const columns = useMemo(
    (): Column<AuditEntry>[] => [
      { label: 'When', csv: (e) => new Date(e.at).toISOString(), show: (e) => when.format(e.at) },
      { label: 'Who', csv: (e) => e.actor },
      { label: 'Action', csv: (e) => e.action, show: (e) => <code>{e.action}</code> },
      { label: 'Target', csv: (e) => e.target },
      {
        label: 'Before',
        csv: (e) => json(e.before),
        show: (e) => <code className="console-diff">{json(e.before)}</code>,
      },
      {
        label: 'After',
        csv: (e) => json(e.after),
        show: (e) => <code className="console-diff">{json(e.after)}</code>,
      },
    ],
    [when],
  );
  const entries = q.data?.entries ?? [];
  return (
    <div className="console-screen" data-testid="audit-screen">
      <h1>Audit log</h1>
      <ErrorBanner message={q.errorText} testId="audit-error" />
      {q.data && (
        <ChartCard
          title="Audit log"
          testId="audit-table"
          columns={columns}
          rows={entries}
          fileSuffix={cursor ? `before-${cursor}` : 'newest'}
          tableOnly
          wide
          tall
          rowTestId={(e) => `audit-row-${e.id}`}
          emptyText="Nothing has been changed from the console yet."
          actions={
            <a
              className="console-button-link"
              href={AUDIT_CSV_URL}
              download
              data-testid="audit-export"
            >
              Export CSV (all)
            </a>
          }
        />
      )}
      <div className="pager">
        <button
          type="button"
          data-testid="audit-newer"
          disabled={before.length === 0}
          onClick={() => setBefore((b) => b.slice(0, -1))}
        >
          ← Newer
        </button>
        <button
          type="button"
          data-testid="audit-older"
          disabled={entries.length < PAGE}
          onClick={() => {
            const last = entries[entries.length - 1];
            if (last) setBefore((b) => [...b, last.id]);
          }}
        >
          Older →
        </button>
      </div>
    </div>
  );
}
