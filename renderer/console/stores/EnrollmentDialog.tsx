// A till's one-time enrollment code, shown this once (HQ keeps only its hash), with the full sync
// address and a QR code of both (qrText, which the till's Connect screen also accepts pasted).
// The QR is drawn as SVG by the qrcode package into an <img> data URL: no HTML is injected.
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { TillEnrollment } from '../../../shared/console/consoleApi';
import { Dialog } from '../../src/components/Dialog';
import { useSession } from '../state/sessionContext';

function CopyButton({ text, testId }: { text: string; testId: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <button type="button" data-testid={testId} onClick={() => void copy()}>
      {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Select and copy' : 'Copy'}
    </button>
  );
}

export const qrSvgDataUrl = async (text: string): Promise<string> => {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
};

export function EnrollmentDialog({
  enrollment,
  onClose,
}: {
  enrollment: TillEnrollment;
  onClose: () => void;
}) {
  const { locale } = useSession();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void qrSvgDataUrl(enrollment.qrText).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [enrollment.qrText]);
  const expires = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(enrollment.expiresAt);
  return (
    <Dialog
      title={`Connect ${enrollment.tillName}`}
      testId="enrollment-dialog"
      onClose={onClose}
      wide
    >
      <p className="warn-banner" data-testid="enrollment-once">
        This code is shown only now. Type it into the till's Connect to HQ screen (or scan the QR
        code) before {expires}.
      </p>
      <div className="console-enroll">
        <dl className="console-enroll-facts">
          <dt>Sync address</dt>
          <dd>
            <code data-testid="enrollment-sync-url">{enrollment.syncUrl}</code>
            <CopyButton text={enrollment.syncUrl} testId="enrollment-copy-url" />
          </dd>
          <dt>Enrollment code</dt>
          <dd>
            <code className="console-code" data-testid="enrollment-code">
              {enrollment.enrollmentCode}
            </code>
            <CopyButton text={enrollment.enrollmentCode} testId="enrollment-copy-code" />
          </dd>
          <dt>Both in one line (what the QR code holds)</dt>
          <dd>
            <code className="console-qr-text" data-testid="enrollment-qr-text">
              {enrollment.qrText}
            </code>
            <CopyButton text={enrollment.qrText} testId="enrollment-copy-qr-text" />
          </dd>
        </dl>
        {qr && (
          <img
            className="console-qr"
            src={qr}
            alt={`QR code for ${enrollment.tillName}: the sync address and code`}
            data-testid="enrollment-qr"
          />
        )}
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          className="btn-primary"
          onClick={onClose}
          data-testid="enrollment-done"
        >
          Done
        </button>
      </div>
    </Dialog>
  );
}
