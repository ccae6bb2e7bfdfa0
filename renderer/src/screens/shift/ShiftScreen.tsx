// The shift: open it with a float, record cash in/out, read the X report so far, close it with the
// counted cash, read and print the Z report; below, the past Z reports to reprint.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Session, ShiftSummary, ZReport } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useDateTime, useMoney } from '../../state/settingsContext';
import { OpenShiftDialog } from '../checkout/OpenShiftDialog';
import { CashMoveForm } from './CashMoveForm';
import { PastZReports } from './PastZReports';
import { ZReportView } from './ZReportView';

interface Props {
  session: Session;
  onSessionChange: () => Promise<void>;
}

export function ShiftScreen({ session, onSessionChange }: Props) {
  const money = useMoney();
  const when = useDateTime();
  const [shift, setShift] = useState<ShiftSummary | null | undefined>(undefined);
  const [counted, setCounted] = useState('');
  const [report, setReport] = useState<ZReport | null>(null);
  /** The report is an X report of the shift still open (not the closing Z report). */
  const [reportOpen, setReportOpen] = useState(false);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await call('shift-current', {});
    if (r.ok) setShift(r.value);
    else setError(errorText(r.error));
  }, []);
  useEffect(() => void load(), [load, session.shiftId]);

  const close = async (e: FormEvent) => {
    e.preventDefault();
    const countedCash = money.parse(counted);
    if (countedCash === null || countedCash < 0)
      return setError('Count the cash in the drawer and type the amount.');
    const r = await call('shift-close', { countedCash });
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    setNote(null); // a cash move's note belongs to the shift just closed
    setCounted('');
    setReport(r.value);
    setReportOpen(false);
    await onSessionChange();
    await load();
    // "Close shift and print Z": print once the report has rendered.
    window.setTimeout(() => window.print(), 0);
  };

  const readX = async (shiftId: string) => {
    const r = await call('shift-z-report', { shiftId });
    if (!r.ok) return setError(errorText(r.error));
    setReport(r.value);
    setReportOpen(true);
  };

  return (
    <div className="page" data-testid="shift-screen">
      <h1>Shift</h1>
      <ErrorBanner message={error} testId="shift-error" onDismiss={() => setError(null)} />
      {note && <p className="info-note">{note}</p>}
      {shift === null && (
        <section className="card">
          <p>No shift is open on this till.</p>
          <button
            type="button"
            className="btn-primary btn-large"
            data-testid="shift-open"
            autoFocus
            onClick={() => setOpening(true)}
          >
            Open shift
          </button>
        </section>
      )}
      {shift && (
        <>
          <section className="card" data-testid="shift-current">
            <p>
              Open since {when(shift.openedAt)} · {shift.cashierName} · float{' '}
              {money.format(shift.openingFloat)}
            </p>
            {shift.cashiers.length > 1 && (
              <p data-testid="shift-cashiers">
                Cashiers in this shift: {shift.cashiers.map((c) => c.name).join(', ')}
              </p>
            )}
            <button type="button" data-testid="shift-x-report" onClick={() => void readX(shift.id)}>
              X report (so far)
            </button>
          </section>
          <CashMoveForm onDone={setNote} />
          <form className="card" onSubmit={(e) => void close(e)}>
            <h2>Close shift</h2>
            <div className="form-row">
              <input
                autoFocus
                className="big-input"
                inputMode="decimal"
                aria-label="Counted cash"
                placeholder="Counted cash in drawer"
                data-testid="shift-counted"
                value={counted}
                onChange={(e) => setCounted(e.target.value)}
              />
              <button type="submit" className="btn-primary" data-testid="shift-close">
                Close shift and print Z <kbd>Enter</kbd>
              </button>
            </div>
          </form>
        </>
      )}
      {report && (
        <>
          <ZReportView report={report} open={reportOpen} />
          <button type="button" className="no-print" onClick={() => window.print()}>
            Print {reportOpen ? 'X' : 'Z'} report
          </button>
        </>
      )}
      <PastZReports reloadKey={report?.shiftId ?? ''} />
      {opening && (
        <OpenShiftDialog
          onOpened={() => {
            setOpening(false);
            setReport(null);
            void onSessionChange();
          }}
          onClose={() => setOpening(false)}
        />
      )}
    </div>
  );
}
