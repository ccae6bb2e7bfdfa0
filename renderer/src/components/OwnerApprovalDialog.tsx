// Asks for the owner's PIN when the core says an action needs approval (big discount, large
// refund, owner-only change). The client retries the same call with the PIN.
import { useEffect, useState } from 'react';
import { setOwnerPinAsker, setOwnerPinCanceller } from '../api/ownerApproval';
import { useMoney } from '../state/settingsContext';
import { approvalSubject } from './approvalSubject';
import { Dialog } from './Dialog';
import { ErrorBanner } from './ErrorBanner';
import { PinPad } from './PinPad';

interface Pending {
  reason: string;
  previousError: string | null;
  details: unknown;
  resolve: (pin: string | null) => void;
}

export function OwnerApprovalDialog() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [pin, setPin] = useState('');
  const money = useMoney();

  useEffect(() => {
    setOwnerPinAsker(
      (reason, previousError, details) =>
        new Promise((resolve) => {
          setPin('');
          setPending({ reason, previousError, details, resolve });
        }),
    );
    // A lock while the box is open answers it as cancelled: nobody is signed in to approve for.
    setOwnerPinCanceller(() =>
      setPending((p) => {
        p?.resolve(null);
        return null;
      }),
    );
    return () => {
      setOwnerPinAsker(null);
      setOwnerPinCanceller(null);
    };
  }, []);

  if (!pending) return null;
  const subject = approvalSubject(pending.details, money.format);
  const finish = (value: string | null) => {
    pending.resolve(value);
    setPending(null);
  };

  return (
    <Dialog title="Owner approval" testId="owner-approval" onClose={() => finish(null)}>
      <p className="dialog-lead" data-testid="owner-approval-reason">
        {pending.reason}
      </p>
      {subject && (
        <p className="approval-subject" data-testid="owner-approval-subject">
          <strong>{subject}</strong>
        </p>
      )}
      <p>Ask the owner to enter their PIN.</p>
      <ErrorBanner message={pending.previousError} testId="owner-approval-error" />
      <PinPad
        value={pin}
        onChange={setPin}
        onSubmit={() => pin.length >= 4 && finish(pin)}
        testId="owner-pin"
      />
    </Dialog>
  );
}
