// Progress and outcome of a check or an import: a progress bar by bytes read, the counts, and the
// per-row errors with their line numbers.
import type { HistoryImportStatus } from '../../../../shared/api';
import { RowErrors } from '../../components/RowErrors';

const PHASE_TEXT: Record<HistoryImportStatus['phase'], string> = {
  uploaded: 'Uploaded',
  checking: 'Checking…',
  checked: 'Checked',
  importing: 'Importing…',
  done: 'Imported',
  failed: 'Stopped',
};

export function ImportStatusView({ status }: { status: HistoryImportStatus }) {
  const pct = status.bytesTotal > 0 ? Math.round((100 * status.bytesDone) / status.bytesTotal) : 0;
  const checking = status.phase === 'checking' || status.phase === 'checked';
  return (
    <div data-testid="history-status" data-phase={status.phase}>
      <p>
        <strong>{PHASE_TEXT[status.phase]}</strong> · {status.rowsDone.toLocaleString()} rows
      </p>
      <progress max={100} value={pct} aria-label="Progress" data-testid="history-progress" />
      <p data-testid="history-counts">
        {status.orders} orders · {status.sales} {checking ? 'new sales' : 'sales added'} ·{' '}
        {status.returns} {checking ? 'new returns' : 'returns added'} · {status.alreadyImported}{' '}
        already imported · {status.skippedOrders} left out
        {status.otherStoreRows > 0 && ` · ${status.otherStoreRows} rows of other stores skipped`}
        {status.productsCreated > 0 &&
          ` · ${status.productsCreated} products ${checking ? 'to create' : 'created'}`}
      </p>
      {status.message && (
        <p className="error-banner" role="alert" data-testid="history-message">
          {status.message}
        </p>
      )}
      {status.errors.length > 0 && (
        <>
          <p>
            {status.errorCount} problem(s)
            {status.errorCount > status.errors.length &&
              `, the first ${status.errors.length} shown`}
            . Orders with a problem are left out; fix the file and import it again — orders already
            imported are not added twice.
          </p>
          <RowErrors errors={status.errors} testId="history-errors" />
        </>
      )}
    </div>
  );
}
