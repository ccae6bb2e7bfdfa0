// Shift hand-over: a cashier who signs in while another cashier's shift is open is asked, before
// ringing anything, to join that shift (their sales are recorded under their own name and get
// their own line on the Z report) or to close it (count the drawer, Z report) and open their own.
// An owner may also step in without joining (back office, or ringing as the owner, which the core
// allows in any shift), so for them the choice can be put off.
import { useEffect, useState } from 'react';
import type { ShiftSummary } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useDateTime } from '../../state/settingsContext';

interface Props {
  /** Owners may dismiss the choice: the core lets them ring in any shift. */
  canStepIn: boolean;
  /** Go to the Shift screen to count the drawer and close the shift. */
  onCloseShift: () => void;
}

export function ShiftHandOverDialog({ canStepIn, onCloseShift }: Props) {
  const when = useDateTime();
  const [shift, setShift] = useState<ShiftSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('shift-current', {}).then((r) => {
      if (live && r.ok && r.value && !r.value.joinedBySignedInUser) setShift(r.value);
    });
    return () => {
      live = false;
    };
  }, []);

  if (!shift) return null;
  const join = async () => {
    const r = await call('shift-join', {});
    if (!r.ok) return setError(errorText(r.error));
    setShift(null);
  };
  const closeIt = () => {
    setShift(null);
    onCloseShift();
  };

  return (
    // A cashier must choose: Esc does not dismiss it. An owner may put it off.
    <Dialog
      title="A shift is already open"
      testId="shift-handover"
      onClose={() => {
        if (canStepIn) setShift(null);
      }}
    >
      <p className="dialog-lead" data-testid="shift-handover-owner">
        {shift.cashierName}&apos;s shift has been open since {when(shift.openedAt)}.
      </p>
      <p>Join it and ring your sales under your own name, or close it and open your own.</p>
      <ErrorBanner message={error} testId="shift-handover-error" />
      <div className="dialog-actions">
        <button
          type="button"
          className="btn-primary"
          data-testid="shift-handover-join"
          data-autofocus
          onClick={() => void join()}
        >
          Join {shift.cashierName}&apos;s shift
        </button>
        <button type="button" data-testid="shift-handover-close" onClick={closeIt}>
          Close it and open my own
        </button>
        {canStepIn && (
          <button type="button" data-testid="shift-handover-not-now" onClick={() => setShift(null)}>
            Not now
          </button>
        )}
      </div>
    </Dialog>
  );
}
