import { useEffect, useState } from 'react';
import type { ParkedCartSummary } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useDateTime, useMoney } from '../../state/settingsContext';

interface Props {
  onResume: (cartId: string) => Promise<boolean>;
  onClose: () => void;
}

/** F9: parked sales; ↑/↓ and Enter resume one. */
export function ParkedDialog({ onResume, onClose }: Props) {
  const money = useMoney();
  const when = useDateTime();
  const [items, setItems] = useState<ParkedCartSummary[] | null>(null);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('cart-list-parked', {}).then((r) => {
      if (r.ok) setItems(r.value);
      else setError(errorText(r.error));
    });
  }, []);

  const resume = async (id: string | undefined) => {
    if (id && (await onResume(id))) onClose();
  };

  return (
    <Dialog title="Parked sales" testId="parked-dialog" onClose={onClose}>
      <div
        tabIndex={0}
        data-autofocus
        className="list-keys"
        onKeyDown={(e) => {
          if (!items?.length) return;
          if (e.key === 'ArrowDown') setIndex((i) => Math.min(items.length - 1, i + 1));
          else if (e.key === 'ArrowUp') setIndex((i) => Math.max(0, i - 1));
          else if (e.key === 'Enter') void resume(items[index]?.id);
        }}
      >
        {items?.length === 0 && <p>No parked sales.</p>}
        <ul className="pick-list">
          {(items ?? []).map((p, i) => (
            <li key={p.id}>
              <button
                type="button"
                className={i === index ? 'pick-item pick-active' : 'pick-item'}
                data-testid={`parked-${i}`}
                onClick={() => void resume(p.id)}
              >
                <span>{when(p.parkedAt)}</span>
                <span data-testid={`parked-${i}-first`}>
                  {p.firstItem
                    ? `${p.firstItem.quantity} × ${p.firstItem.name}` +
                      (p.lineCount > 1 ? ` + ${p.lineCount - 1} more` : '')
                    : `${p.lineCount} lines`}
                </span>
                <span data-testid={`parked-${i}-note`}>{p.note}</span>
                <strong>{money.format(p.total)}</strong>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <ErrorBanner message={error} testId="parked-error" />
    </Dialog>
  );
}
