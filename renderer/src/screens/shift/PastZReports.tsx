// Past Z reports: the till's closed shifts, newest first; any one opens its Z report as it was
// at closing, ready to reprint (window.print with the print stylesheet showing only the report).
import { useEffect, useState } from 'react';
import type { ClosedShift, ZReport } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useDateTime, useMoney } from '../../state/settingsContext';
import { ZReportView } from './ZReportView';

const PAGE = 20;

export function PastZReports({ reloadKey }: { reloadKey: string }) {
  const money = useMoney();
  const when = useDateTime();
  const [shifts, setShifts] = useState<ClosedShift[] | null>(null);
  const [offset, setOffset] = useState(0);
  const [shown, setShown] = useState<ZReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('shift-closed-list', { limit: PAGE, offset }).then((r) => {
      if (!live) return;
      if (r.ok) setShifts(r.value);
      else setError(errorText(r.error));
    });
    return () => {
      live = false;
    };
  }, [offset, reloadKey]);

  const open = async (id: string) => {
    const r = await call('shift-z-report', { shiftId: id });
    if (!r.ok) return setError(errorText(r.error));
    setShown(r.value);
  };

  return (
    <section className="card no-print-list" data-testid="past-z-reports">
      <h2>Past Z reports</h2>
      <ErrorBanner message={error} testId="past-z-error" onDismiss={() => setError(null)} />
      {shifts && shifts.length === 0 && offset === 0 && <p>No shift has been closed yet.</p>}
      {shifts && shifts.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Closed</th>
              <th scope="col">Opened by</th>
              <th scope="col" className="num">
                Net sales
              </th>
              <th scope="col" className="num">
                Variance
              </th>
              <th scope="col">
                <span className="sr-only">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shifts.map((s) => (
              <tr key={s.id} data-testid={`past-z-row-${s.id}`}>
                <td>{when(s.closedAt)}</td>
                <td>{s.cashierName}</td>
                <td className="num">{money.format(s.netSales)}</td>
                <td className="num">{money.format(s.variance)}</td>
                <td>
                  <button
                    type="button"
                    data-testid={`past-z-open-${s.id}`}
                    onClick={() => void open(s.id)}
                  >
                    Show Z report
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-row">
        <button
          type="button"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE))}
        >
          ← Newer
        </button>
        <button
          type="button"
          disabled={!shifts || shifts.length < PAGE}
          onClick={() => setOffset(offset + PAGE)}
        >
          Older →
        </button>
      </div>
      {shown && (
        <>
          <ZReportView report={shown} />
          <button
            type="button"
            className="no-print"
            data-testid="past-z-print"
            onClick={() => window.print()}
          >
            Reprint Z report
          </button>
          <button type="button" className="btn-ghost no-print" onClick={() => setShown(null)}>
            Hide
          </button>
        </>
      )}
    </section>
  );
}
