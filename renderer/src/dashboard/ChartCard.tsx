// A dashboard card: one chart with a table view of the same rows and a CSV export of them, so
// every figure drawn can also be read exactly and taken to a spreadsheet.
import { useState, type ReactNode } from 'react';
import { csvFileName, csvText, saveCsv, type CsvCell } from './csvExport';

export interface Column<R> {
  label: string;
  /** The CSV value (plain decimals for money). */
  csv: (row: R) => CsvCell;
  /** What the table shows; defaults to the CSV value. */
  show?: (row: R) => ReactNode;
  numeric?: boolean;
}

interface Props<R> {
  title: string;
  testId: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  /** Distinguishes exported files, e.g. the date range. */
  fileSuffix: string;
  /** Table view only (for lists that are not charts). */
  tableOnly?: boolean;
  wide?: boolean;
  note?: ReactNode;
  /** Makes table rows clickable (drill-down). */
  onRowClick?: (row: R) => void;
  /** A data-testid per table row (the HQ console's lists). */
  rowTestId?: (row: R) => string;
  /** Shown instead of "Nothing to show." when the table has no rows. */
  emptyText?: string;
  /** Extra controls in the card's header, before the CSV button (e.g. "Add store"). */
  actions?: ReactNode;
  /** The table grows with its rows instead of scrolling inside the card (full-page lists). */
  tall?: boolean;
  children?: ReactNode;
}

export function ChartCard<R>({
  title,
  testId,
  columns,
  rows,
  fileSuffix,
  tableOnly,
  wide,
  note,
  onRowClick,
  rowTestId,
  emptyText,
  actions,
  tall,
  children,
}: Props<R>) {
  const [view, setView] = useState<'chart' | 'table'>(tableOnly ? 'table' : 'chart');
  /** Where the last export went, or why it failed (the desktop app's dialog says nothing after). */
  const [exportNote, setExportNote] = useState<string | null>(null);
  const exportCsv = () => {
    setExportNote(null);
    void saveCsv(
      csvFileName(title, fileSuffix),
      csvText(
        columns.map((c) => c.label),
        rows.map((r) => columns.map((c) => c.csv(r))),
      ),
    ).then(setExportNote);
  };
  return (
    <section
      className={wide ? 'dash-card dash-card-wide' : 'dash-card'}
      data-testid={testId}
      aria-label={title}
    >
      <header className="dash-card-head">
        <h2>{title}</h2>
        {!tableOnly && (
          <div className="dash-toggle" role="group" aria-label={`${title} view`}>
            <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
              Chart
            </button>
            <button
              type="button"
              aria-pressed={view === 'table'}
              data-testid={`${testId}-table-view`}
              onClick={() => setView('table')}
            >
              Table
            </button>
          </div>
        )}
        {actions}
        <button
          type="button"
          className="dash-csv"
          data-testid={`${testId}-csv`}
          onClick={exportCsv}
          disabled={rows.length === 0}
        >
          CSV
        </button>
      </header>
      {note && <p className="dash-note">{note}</p>}
      {exportNote && (
        <p className="dash-note" role="status" data-testid={`${testId}-csv-note`}>
          {exportNote}
        </p>
      )}
      {view === 'chart' && !tableOnly ? (
        <div className="dash-chart">
          {rows.length === 0 ? <p className="dash-empty">No sales in this period.</p> : children}
        </div>
      ) : (
        <div className={tall ? 'dash-table-wrap dash-table-tall' : 'dash-table-wrap'}>
          <table className="data-table dash-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.label} className={c.numeric ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr
                  key={i}
                  data-testid={rowTestId?.(r)}
                  className={onRowClick ? 'dash-row-link' : undefined}
                  onClick={onRowClick ? () => onRowClick(r) : undefined}
                >
                  {columns.map((c) => (
                    <td key={c.label} className={c.numeric ? 'num' : undefined}>
                      {c.show ? c.show(r) : c.csv(r)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p className="dash-empty">{emptyText ?? 'Nothing to show.'}</p>}
        </div>
      )}
    </section>
  );
}
