// Which till has pulled which catalog version: a till behind the current version has not yet
// seen the latest prices (it pulls on its next sync).
import { useMemo } from 'react';
import type { CatalogTillsResponse } from '../../../shared/console/consoleApi';
import type { Column } from '../../src/dashboard/ChartCard';
import { QueryTable } from '../parts/QueryTable';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';
import { pushAgeWords } from '../stores/syncHealthWords';

type Row = CatalogTillsResponse['tills'][number];

/** `generation` changes after each catalog write, so the versions are read again. */
export function CatalogTillsCard({ generation }: { generation: number }) {
  const session = useSession();
  const { api, locale } = session;
  const q = useConsoleQuery(() => api.catalogTills(), `catalog-tills:${generation}`, 30_000);
  const current = q.data?.catalogVersion ?? 0;
  const columns = useMemo(
    (): Column<Row>[] => [
      { label: 'Store', csv: (r) => r.storeName },
      { label: 'Till', csv: (r) => r.tillName },
      {
        label: 'Pulled version',
        csv: (r) => r.pulledVersion,
        show: (r) => (r.pulledVersion === null ? 'not yet' : String(r.pulledVersion)),
        numeric: true,
      },
      {
        label: 'State',
        csv: (r) =>
          r.pulledVersion !== null && r.pulledVersion >= current ? 'up to date' : 'behind',
        show: (r) =>
          r.pulledVersion !== null && r.pulledVersion >= current ? (
            <span className="console-flag console-flag-ok">Up to date</span>
          ) : (
            <span className="console-flag console-flag-overdue">Behind</span>
          ),
      },
      {
        label: 'Pulled',
        csv: (r) => (r.pulledAt === null ? '' : new Date(r.pulledAt).toISOString()),
        show: (r) => pushAgeWords(r.pulledAt, session.now(), locale),
      },
    ],
    [current, locale, session],
  );
  return (
    <QueryTable
      query={q}
      errorTestId="catalog-tills-error"
      rowsOf={(d) => d.tills}
      title="Tills' catalog versions"
      testId="catalog-tills"
      columns={columns}
      fileSuffix={`version-${current}`}
      rowTestId={(r) => `catalog-till-${r.tillName}`}
      emptyText="No tills yet."
      note={`HQ's catalog is at version ${current}.`}
    />
  );
}
