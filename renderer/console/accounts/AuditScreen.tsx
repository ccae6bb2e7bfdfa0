// The audit log (admin only): who changed what and when, with the before and after of each
// change, newest first and paged by id; "Export CSV" downloads the whole log from HQ.
import { useMemo } from 'react';
import type { AuditEntry } from '../../../shared/console/consoleApi';
import type { Column } from '../../src/dashboard/ChartCard';
import { AUDIT_CSV_URL } from '../api/consoleCalls';
import { NewerOlderPager, useIdPages } from '../parts/idPages';
import { QueryTable } from '../parts/QueryTable';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';

const PAGE = 50;

const json = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));

export function AuditScreen() {
  const { api, locale } = useSession();
  const pages = useIdPages();
  const { cursor } = pages;
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
      <QueryTable
        query={q}
        errorTestId="audit-error"
        rowsOf={(d) => d.entries}
        title="Audit log"
        testId="audit-table"
        columns={columns}
        fileSuffix={cursor ? `before-${cursor}` : 'newest'}
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
      <NewerOlderPager pages={pages} rows={entries} pageSize={PAGE} testIdPrefix="audit" />
    </div>
  );
}
