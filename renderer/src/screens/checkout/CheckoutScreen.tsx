// The sale screen. Focus lives in the scan field; function keys open the dialogs; the total is
// always in view on the right.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Receipt, Session } from '../../../../shared/api';
import { errorHeading } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { isDialogOpen } from '../../components/Dialog';
import { useCart } from '../../state/useCart';
import { useShortcuts } from '../../state/useShortcuts';
import { ReceiptDialog } from '../receipt/ReceiptDialog';
import { CartTable } from './CartTable';
import { DiscountDialog } from './DiscountDialog';
import { OpenShiftDialog } from './OpenShiftDialog';
import { ParkedDialog } from './ParkedDialog';
import { ParkNoteDialog } from './ParkNoteDialog';
import { PaymentDialog } from './PaymentDialog';
import { PriceDialog } from './PriceDialog';
import { QuantityDialog } from './QuantityDialog';
import { ScanField } from './ScanField';
import { ShortcutBar } from './ShortcutBar';
import { TotalsPanel } from './TotalsPanel';
import { VoidSaleDialog } from './VoidSaleDialog';

type DialogKind =
  | 'quantity'
  | 'price'
  | 'line-discount'
  | 'cart-discount'
  | 'pay'
  | 'park'
  | 'parked'
  | 'open-shift'
  | 'void';

interface Props {
  session: Session;
  onSessionChange: () => Promise<void>;
}

export function CheckoutScreen({ session, onSessionChange }: Props) {
  const cart = useCart();
  const [dialog, setDialog] = useState<DialogKind | null>(session.shiftId ? null : 'open-shift');
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const scan = useRef<HTMLInputElement>(null);
  const lines = cart.cart?.lines ?? [];
  const selectedLine = lines.find((l) => l.lineNo === cart.selected) ?? null;
  const hasItems = lines.length > 0;

  const focusScan = useCallback(() => {
    window.setTimeout(() => {
      if (!isDialogOpen()) scan.current?.focus();
    }, 0);
  }, []);
  useEffect(focusScan, [dialog, receipt, focusScan]);

  const needLine = (kind: DialogKind) => () => {
    if (selectedLine) setDialog(kind);
    else cart.setError('Select a line first: add an item, or use ↑/↓ to pick one.');
  };
  const openPay = () => {
    if (hasItems) setDialog('pay');
    else cart.setError('The sale has no items yet: scan or search for a product first.');
  };
  const moveSelection = (dir: -1 | 1) => {
    if (!lines.length) return;
    const i = lines.findIndex((l) => l.lineNo === cart.selected);
    const next = lines[Math.max(0, Math.min(lines.length - 1, (i < 0 ? lines.length : i) + dir))];
    if (next) cart.setSelected(next.lineNo);
  };
  const openPark = () => {
    if (hasItems) setDialog('park');
    else cart.setError('There is nothing to park: the sale has no items.');
  };
  const removeSelected = () => {
    if (selectedLine) void cart.removeLine(selectedLine.lineNo);
  };

  useShortcuts({
    F1: needLine('price'),
    F2: needLine('quantity'),
    F3: needLine('line-discount'),
    F4: () =>
      hasItems
        ? setDialog('cart-discount')
        : cart.setError('Add an item before giving a sale discount.'),
    F8: openPark,
    F9: () => setDialog('parked'),
    F10: openPay,
    'Ctrl+Enter': openPay,
  });

  // A dialog shows its own action's error; once it is closed, that error is no longer news.
  const close = () => {
    setDialog(null);
    cart.setError(null);
  };
  // The no-shift banner above already says it; the same words again in red add nothing.
  const shiftSaidTwice =
    !session.shiftId && cart.error?.startsWith(errorHeading('NO_OPEN_SHIFT')) === true;
  return (
    <div className="checkout" onClick={focusScan}>
      <section className="checkout-main">
        {!session.shiftId && (
          <div className="warn-banner" data-testid="no-shift">
            No shift is open.{' '}
            <button type="button" onClick={() => setDialog('open-shift')}>
              Open shift
            </button>
          </div>
        )}
        <ScanField
          ref={scan}
          onCode={(code, q) => cart.addByCode(code, q).then((failure) => failure === null)}
          onPick={(p) => void cart.addProduct(p.id)}
          onArrow={moveSelection}
          onDeleteLine={removeSelected}
          onClear={() => cart.setError(null)}
        />
        <ErrorBanner
          message={shiftSaidTwice ? null : cart.error}
          testId="checkout-error"
          onDismiss={() => cart.setError(null)}
        />
        <div className="cart-scroll">
          <CartTable cart={cart.cart} selected={cart.selected} onSelect={cart.setSelected} />
        </div>
        <ShortcutBar
          actions={[
            {
              key: 'F2',
              label: 'Quantity',
              run: needLine('quantity'),
              testId: 'btn-quantity',
              disabled: !selectedLine,
            },
            {
              key: 'F1',
              label: 'Price',
              run: needLine('price'),
              testId: 'btn-price',
              disabled: !selectedLine,
            },
            {
              key: 'F3',
              label: 'Line discount',
              run: needLine('line-discount'),
              testId: 'btn-line-discount',
              disabled: !selectedLine,
            },
            {
              key: 'F4',
              label: 'Sale discount',
              run: () => setDialog('cart-discount'),
              testId: 'btn-cart-discount',
              disabled: !hasItems,
            },
            {
              key: 'Del',
              label: 'Remove line',
              run: removeSelected,
              testId: 'btn-remove',
              disabled: !selectedLine,
            },
            {
              key: 'F8',
              label: 'Park',
              run: openPark,
              testId: 'btn-park',
              disabled: !hasItems,
            },
            { key: 'F9', label: 'Parked', run: () => setDialog('parked'), testId: 'btn-parked' },
          ]}
        />
      </section>
      <aside className="checkout-side">
        <TotalsPanel cart={cart.cart} />
        <button
          type="button"
          className="btn-primary btn-pay"
          data-testid="btn-pay"
          disabled={!hasItems}
          onClick={openPay}
        >
          Pay <kbd>F10</kbd>
        </button>
        <button
          type="button"
          className="btn-ghost"
          data-testid="btn-void"
          disabled={!hasItems}
          onClick={() => setDialog('void')}
        >
          Void this sale
        </button>
      </aside>

      {dialog === 'quantity' && selectedLine && (
        <QuantityDialog
          line={selectedLine}
          onApply={(q) => cart.setQuantity(selectedLine.lineNo, q)}
          onClose={close}
        />
      )}
      {dialog === 'price' && selectedLine && (
        <PriceDialog
          line={selectedLine}
          onApply={(p) => cart.overridePrice(selectedLine.lineNo, p)}
          onClose={close}
        />
      )}
      {dialog === 'line-discount' && selectedLine && (
        <DiscountDialog
          title={`Line discount — ${selectedLine.name}`}
          testId="line-discount-dialog"
          current={selectedLine.lineDiscount}
          base={selectedLine.gross}
          onApply={(d) => cart.setLineDiscount(selectedLine.lineNo, d)}
          onClose={close}
        />
      )}
      {dialog === 'cart-discount' && cart.cart && (
        <DiscountDialog
          title="Sale discount"
          testId="cart-discount-dialog"
          current={cart.cart.cartDiscount}
          base={cart.cart.totals.gross}
          onApply={cart.setCartDiscount}
          onClose={close}
        />
      )}
      {dialog === 'pay' && cart.cart && (
        <PaymentDialog
          total={cart.cart.totals.total}
          onPay={cart.checkout}
          onDone={(r) => {
            setDialog(null);
            setReceipt(r);
          }}
          onClose={close}
        />
      )}
      {dialog === 'park' && <ParkNoteDialog onPark={cart.park} onClose={close} />}
      {dialog === 'void' && cart.cart && (
        <VoidSaleDialog cart={cart.cart} onVoid={cart.voidCart} onClose={close} />
      )}
      {dialog === 'parked' && <ParkedDialog onResume={cart.resume} onClose={close} />}
      {dialog === 'open-shift' && (
        <OpenShiftDialog
          onOpened={() => {
            close();
            void onSessionChange();
          }}
          onClose={close}
        />
      )}
      {receipt && <ReceiptDialog receipt={receipt} showChange onClose={() => setReceipt(null)} />}
    </div>
  );
}
