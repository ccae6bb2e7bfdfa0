// The open sale. Every change goes through the core (which prices it with shared/pricing) and
// the cart it answers replaces ours, so the UI never prices anything on its own.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Cart, Receipt } from '../../../shared/api';
import type { Discount } from '../../../shared/pricing';
import type { Payment } from '../../../shared/tender';
import type { Result } from '../../../shared/result';
import { call } from '../api/client';
import { errorText } from '../api/errorText';

const CART_KEY = 'pos.cartId';

/** After an add, the line that changed: a new line, or the one whose quantity grew. */
const changedLine = (before: Cart | null, after: Cart): number | null => {
  const old = new Map((before?.lines ?? []).map((l) => [l.lineNo, l.quantity]));
  const added = after.lines.find((l) => !old.has(l.lineNo));
  if (added) return added.lineNo;
  const grown = after.lines.find((l) => (old.get(l.lineNo) ?? 0) !== l.quantity);
  return grown?.lineNo ?? after.lines.at(-1)?.lineNo ?? null;
};

/**
 * After the idle lock, when someone else signs in: the sale this window had open is parked (F9
 * finds it, nothing is lost) instead of carrying on under the new user's name.
 */
export const parkWindowCartFor = async (lockedUserName: string): Promise<void> => {
  const id = sessionStorage.getItem(CART_KEY);
  if (!id) return;
  sessionStorage.removeItem(CART_KEY);
  const r = await call('cart-get', { cartId: id });
  if (r.ok && r.value.status === 'open' && r.value.lines.length > 0)
    await call('cart-park', { cartId: id, note: `${lockedUserName}'s sale (till locked)` });
};

export const useCart = () => {
  const [cart, setCart] = useState<Cart | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cartRef = useRef<Cart | null>(null);
  // A scanner fires scans faster than the core answers: cart calls run one after another, so the
  // second scan sees the cart the first one opened instead of opening another.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const serial = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(task, task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const adopt = useCallback((next: Cart | null) => {
    cartRef.current = next;
    setCart(next);
    if (next) sessionStorage.setItem(CART_KEY, next.id);
    else sessionStorage.removeItem(CART_KEY);
  }, []);

  // Resume the sale this window had open (a reload must not lose the customer's items).
  useEffect(() => {
    const id = sessionStorage.getItem(CART_KEY);
    if (!id) return;
    void call('cart-get', { cartId: id }).then((r) => {
      if (r.ok && r.value.status === 'open') {
        adopt(r.value);
        setSelected(r.value.lines.at(-1)?.lineNo ?? null);
      } else sessionStorage.removeItem(CART_KEY);
    });
  }, [adopt]);

  const ensureCart = useCallback(async (): Promise<Cart | null> => {
    if (cartRef.current?.status === 'open') return cartRef.current;
    const r = await call('cart-open', {});
    if (!r.ok) {
      setError(errorText(r.error));
      return null;
    }
    adopt(r.value);
    return r.value;
  }, [adopt]);

  /**
   * Runs a cart-changing call; on failure keeps the cart as it was and says why. Answers the
   * error text (null on success) so a dialog can show it too.
   */
  const apply = useCallback(
    (run: (c: Cart) => Promise<Result<Cart>>, selectChanged = false): Promise<string | null> =>
      serial(async () => {
        const current = await ensureCart();
        if (!current) return 'The sale could not be started.';
        const r = await run(current);
        if (!r.ok) {
          const text = errorText(r.error);
          setError(text);
          return text;
        }
        setError(null);
        adopt(r.value);
        if (selectChanged) setSelected(changedLine(current, r.value));
        else if (!r.value.lines.some((l) => l.lineNo === selected))
          setSelected(r.value.lines.at(-1)?.lineNo ?? null);
        return null;
      }),
    [adopt, ensureCart, selected, serial],
  );

  const addByCode = (code: string, quantity = 1) =>
    apply((c) => call('cart-add-item', { cartId: c.id, code, quantity }), true);
  const addProduct = (productId: string, quantity = 1) =>
    apply((c) => call('cart-add-item', { cartId: c.id, productId, quantity }), true);
  const setQuantity = (lineNo: number, quantity: number) =>
    apply((c) => call('cart-set-quantity', { cartId: c.id, lineNo, quantity }));
  const removeLine = (lineNo: number) =>
    apply((c) => call('cart-remove-line', { cartId: c.id, lineNo }));
  const setLineDiscount = (lineNo: number, discount: Discount | null) =>
    apply((c) => call('cart-set-line-discount', { cartId: c.id, lineNo, discount }));
  const overridePrice = (lineNo: number, unitPrice: number) =>
    apply((c) => call('cart-override-price', { cartId: c.id, lineNo, unitPrice }));
  const setCartDiscount = (discount: Discount | null) =>
    apply((c) => call('cart-set-cart-discount', { cartId: c.id, discount }));

  const park = (note = ''): Promise<boolean> =>
    serial(async () => {
      const c = cartRef.current;
      if (!c || c.lines.length === 0) {
        setError('There is nothing to park: the sale has no items.');
        return false;
      }
      const r = await call('cart-park', { cartId: c.id, note });
      if (!r.ok) {
        setError(errorText(r.error));
        return false;
      }
      adopt(null);
      setSelected(null);
      setError(null);
      return true;
    });

  const resume = (cartId: string): Promise<boolean> =>
    serial(async () => {
      const c = cartRef.current;
      if (c && c.lines.length > 0) {
        setError('Park or finish the current sale before resuming another.');
        return false;
      }
      const r = await call('cart-resume', { cartId });
      if (!r.ok) {
        setError(errorText(r.error));
        return false;
      }
      if (c) void call('cart-void', { cartId: c.id });
      adopt(r.value);
      setSelected(r.value.lines.at(-1)?.lineNo ?? null);
      setError(null);
      return true;
    });

  /** Voids the sale with the cashier's reason: an error sentence, or null once voided. */
  const voidCart = (reason: string): Promise<string | null> =>
    serial(async () => {
      const c = cartRef.current;
      if (c) {
        const r = await call('cart-void', { cartId: c.id, reason });
        if (!r.ok) return errorText(r.error);
      }
      adopt(null);
      setSelected(null);
      setError(null);
      return null;
    });

  const checkout = (payments: Payment[]): Promise<Result<Receipt>> =>
    serial(async () => {
      const c = cartRef.current;
      if (!c)
        return { ok: false, error: { code: 'CART_EMPTY', message: 'The sale has no items yet.' } };
      const r = await call('cart-checkout', { cartId: c.id, payments });
      if (r.ok) {
        adopt(null);
        setSelected(null);
        setError(null);
      }
      return r;
    });

  return {
    cart,
    selected,
    setSelected,
    error,
    setError,
    addByCode,
    addProduct,
    setQuantity,
    removeLine,
    setLineDiscount,
    setCartDiscount,
    overridePrice,
    park,
    resume,
    voidCart,
    checkout,
  };
};

export type CartState = ReturnType<typeof useCart>;
