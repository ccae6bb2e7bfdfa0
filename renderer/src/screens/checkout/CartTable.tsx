import { useEffect, useRef } from 'react';
import type { Cart, CartLine } from '../../../../shared/api';
import type { Discount } from '../../../../shared/pricing';
import { Money } from '../../components/Money';
import { useMoney } from '../../state/settingsContext';

interface Props {
  cart: Cart | null;
  selected: number | null;
  onSelect: (lineNo: number) => void;
}

const discountLabel = (d: Discount | null, format: (m: number) => string): string =>
  !d ? '' : d.kind === 'percent' ? `${d.bp / 100}%` : format(d.amount);

/** A quantity above the stock on hand is sold anyway, but the cashier should see it. */
const aboveStock = (l: CartLine): boolean =>
  l.onHand !== undefined && l.onHand !== null && l.quantity > 0 && l.quantity > l.onHand;

/** The sale's lines; the selected one is what F1, F2, F3 and Delete act on. */
export function CartTable({ cart, selected, onSelect }: Props) {
  const money = useMoney();
  const lines = cart?.lines ?? [];
  // F1/F2/F3 and Delete act on the selected line, so it must be in view: scroll the cart to it
  // whenever the selection moves or a line is added (a scan selects the new line at the bottom).
  const selectedRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selected, lines.length]);
  if (lines.length === 0) {
    return (
      <div className="cart-empty" data-testid="cart-empty">
        Scan a barcode or type to search. The sale starts with the first item.
      </div>
    );
  }
  return (
    <table className="cart-table" data-testid="cart-table">
      <thead>
        <tr>
          <th>#</th>
          <th>Item</th>
          <th className="num">Qty</th>
          <th className="num">Price</th>
          <th className="num">Discount</th>
          <th className="num">Amount</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr
            key={l.lineNo}
            ref={l.lineNo === selected ? selectedRow : undefined}
            className={l.lineNo === selected ? 'cart-line cart-selected' : 'cart-line'}
            aria-selected={l.lineNo === selected}
            data-testid={`cart-line-${l.lineNo}`}
            onClick={() => onSelect(l.lineNo)}
          >
            <td>{l.lineNo}</td>
            <td>
              <div className="line-name">{l.name}</div>
              <div className="line-sku">{l.sku}</div>
            </td>
            <td className="num">
              <span data-testid={`cart-line-qty-${l.lineNo}`}>{l.quantity}</span>
              {aboveStock(l) && (
                <span
                  className="line-stock-warning"
                  role="status"
                  data-testid={`cart-line-stock-${l.lineNo}`}
                >
                  {(l.onHand ?? 0) > 0 ? `only ${l.onHand ?? 0} in stock` : 'none in stock'}
                </span>
              )}
            </td>
            <td className="num" data-testid={`cart-line-price-${l.lineNo}`}>
              <Money amount={l.unitPrice} />
              {l.unitPrice !== l.catalogPrice && (
                <span
                  className="line-override"
                  data-testid={`cart-line-override-${l.lineNo}`}
                  title={`Catalog price ${money.format(l.catalogPrice)}`}
                >
                  overridden (was {money.format(l.catalogPrice)})
                </span>
              )}
            </td>
            <td className="num" data-testid={`cart-line-discount-${l.lineNo}`}>
              {l.discount > 0 && <Money amount={-l.discount} />}
              {l.lineDiscount && (
                <span className="line-sku"> {discountLabel(l.lineDiscount, money.format)}</span>
              )}
            </td>
            <td className="num" data-testid={`cart-line-total-${l.lineNo}`}>
              <Money amount={l.total} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
