// Asks for the owner's PIN when the core says an action needs approval (big discount, large
// refund, owner-only change). The client retries the same call with the PIN.
import { useEffect, useState } from 'react';
import { setOwnerPinAsker } from '../api/ownerApproval';
import { Dialog } from './Dialog';
import { ErrorBanner } from './ErrorBanner';
import { PinPad } from './PinPad';

interface Pending {
  reason: string;
  previousError: string | null;
  resolve: (pin: string | null) => void;
}

export function OwnerApprovalDialog() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [pin, setPin] = useState('');

  useEffect(() => {
    setOwnerPinAsker(
      (reason, previousError) =>
        new Promise((resolve) => {
          setPin('');
          setPending({ reason, previousError, resolve });
        }),
    );
    return () => setOwnerPinAsker(null);
  }, []);

  if (!pending) return null;
  const finish = (value: string | null) => {
    pending.resolve(value);
    setPending(null);
  };

  return (
    <Dialog title="Owner approval" testId="owner-approval" onClose={() => finish(null)}>
      <p className="dialog-lead">{pending.reason}</p>
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
