// Voids on the operations page: the sales tills voided before payment (cart_void events), newest
// first, with store, till, cashier, reason, value and whether an owner approved, plus each
// store's count and value, so HQ sees where voids (and the shrinkage they can hide) pile up.
import { useMemo } from 'react';
import type { CartVoidRow } from '../../../shared/console/consoleApi';
import { formatMoney } from '../../../shared/money';
import { ErrorBanner } from '../../src/components/ErrorBanner';
import { ChartCard, type Column } from '../../src/dashboard/ChartCard';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';
import { pushAgeWords } from '../stores/syncHealthWords';

const REFRESH_MS = 10_000;

interface StoreVoids {
  storeId: string;
  count: number;
  /** Per currency, so stores in different currencies are never added together. */
  totals: Map<string, number>;
}

const perStore = (items: readonly CartVoidRow[]): StoreVoids[] => {
  const by = new Map<string, StoreVoids>();
  for (const v of items) {
    const s = by.get(v.storeId) ?? { storeId: v.storeId, count: 0, totals: new Map() };
    s.count += 1;
    s.totals.set(v.currency, (s.totals.get(v.currency) ?? 0) + v.total);
    by.set(v.storeId, s);
  }
  return [...by.values()];
};

export function CartVoidsCard({ storeName }: { storeName: ReadonlyMap<string, string> }) {
  const session = useSession();
  const { api, locale } = session;
  const voids = useConsoleQuery(() => api.cartVoids(), 'cart-voids', REFRESH_MS);
  const money = (v: { total: number; currency: string }) =>
    formatMoney(v.total, v.currency, locale);

  const columns = useMemo(
    (): Column<CartVoidRow>[] => [
      {
        label: 'When',
        csv: (v) => new Date(v.occurredAt).toISOString(),
        show: (v) => pushAgeWords(v.occurredAt, session.now(), locale),
      },
      { label: 'Store', csv: (v) => storeName.get(v.storeId) ?? v.storeName ?? v.storeId },
      { label: 'Till', csv: (v) => v.tillName ?? v.tillId },
      { label: 'Cashier', csv: (v) => v.cashierName },
      { label: 'Reason', csv: (v) => v.reason },
      { label: 'Lines', csv: (v) => v.lineCount },
      {
        label: 'Value',
        csv: (v) => v.total,
        show: (v) => (
          <span className="num" data-testid={`cart-void-total-${v.eventId}`}>
            {formatMoney(v.total, v.currency, locale)}
          </span>
        ),
      },
      { label: 'Owner approved', csv: (v) => (v.approverId ? 'yes' : 'no') },
    ],
    [locale, session, storeName],
  );

  return (
    <>
      <ErrorBanner message={voids.errorText} testId="cart-voids-error" />
      {voids.data && (
        <>
          <ul className="store-void-figures" data-testid="cart-voids-per-store">
            {perStore(voids.data.items).map((s) => (
              <li key={s.storeId} data-testid={`cart-voids-store-${s.storeId}`}>
                {storeName.get(s.storeId) ?? s.storeId}: {s.count} void{s.count === 1 ? '' : 's'} ·{' '}
                {[...s.totals].map(([currency, total]) => money({ total, currency })).join(' + ')}
              </li>
            ))}
          </ul>
          <ChartCard
            title="Voided sales at tills"
            testId="cart-voids"
            columns={columns}
            rows={voids.data.items}
            fileSuffix="newest"
            tableOnly
            wide
            rowTestId={(v) => `cart-void-row-${v.eventId}`}
            emptyText="No sales voided at any till."
            note="Newest first (the latest 100). Above the store's void limit an owner approves."
          />
        </>
      )}
    </>
  );
}
