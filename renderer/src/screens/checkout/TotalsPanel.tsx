import type { Cart } from '../../../../shared/api';
import { Money } from '../../components/Money';
import { useMoney, useSettings } from '../../state/settingsContext';

/** The running total: always visible, large, with the breakdown under it. */
export function TotalsPanel({ cart }: { cart: Cart | null }) {
  const money = useMoney();
  const { taxMode } = useSettings();
  const t = cart?.totals ?? { gross: 0, discount: 0, tax: 0, net: 0, total: 0, units: 0 };
  return (
    <section className="totals" aria-label="Sale total">
      <div className="totals-label">Total</div>
      <div className="totals-amount" data-testid="cart-total" data-minor={t.total}>
        <Money amount={t.total} />
      </div>
      <dl className="totals-breakdown">
        <dt>Items</dt>
        <dd data-testid="cart-units">{t.units}</dd>
        <dt>Subtotal</dt>
        <dd>
          <Money amount={t.gross} />
        </dd>
        <dt>Discount</dt>
        <dd data-testid="cart-discount">
          <Money amount={-t.discount} />
        </dd>
        <dt>{taxMode === 'inclusive' ? 'Tax included' : 'Tax'}</dt>
        <dd data-testid="cart-tax">
          <Money amount={t.tax} />
        </dd>
      </dl>
      {cart?.cartDiscount && (
        <p className="totals-note">
          Sale discount:{' '}
          {cart.cartDiscount.kind === 'percent'
            ? `${cart.cartDiscount.bp / 100}%`
            : money.format(cart.cartDiscount.amount)}
        </p>
      )}
    </section>
  );
}
