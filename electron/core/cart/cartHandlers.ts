import type { ParkedCartSummary } from '../../../shared/api/types';
import { AppFailure } from '../../../shared/result';
import { inCartTransaction, requireSettings, requireUser } from '../context';
import type { HandlerMap } from '../handlerTypes';
import { priceCartLines } from './cartPricing';
import {
  addItem,
  loadCart,
  loadOpenCart,
  openCart,
  overridePrice,
  removeLine,
  setCartDiscount,
  setLineDiscount,
  setQuantity,
  viewCart,
} from './cartService';
import { voidCart } from './voidCart';

type CartMethods =
  | 'cart-open'
  | 'cart-get'
  | 'cart-add-item'
  | 'cart-set-quantity'
  | 'cart-remove-line'
  | 'cart-set-line-discount'
  | 'cart-set-cart-discount'
  | 'cart-override-price'
  | 'cart-park'
  | 'cart-list-parked'
  | 'cart-resume'
  | 'cart-void';

export const cartHandlers: HandlerMap<CartMethods> = {
  'cart-open': (ctx) => openCart(ctx),
  'cart-get': (ctx, { cartId }) => viewCart(ctx, cartId),
  'cart-add-item': addItem,
  'cart-set-quantity': setQuantity,
  'cart-remove-line': removeLine,
  'cart-set-line-discount': setLineDiscount,
  'cart-set-cart-discount': setCartDiscount,
  'cart-override-price': overridePrice,
  'cart-park': (ctx, { cartId, note }) =>
    inCartTransaction(ctx, () => {
      requireUser(ctx);
      loadOpenCart(ctx, cartId);
      if (ctx.repos.cart.lines(cartId).length === 0)
        throw new AppFailure('CART_EMPTY', 'An empty sale cannot be parked.');
      ctx.repos.cart.park(cartId, note, ctx.clock.now());
      return null;
    }),
  'cart-list-parked': (ctx) => {
    const { taxMode } = requireSettings(ctx);
    return ctx.repos.cart.withStatus('parked').map((c): ParkedCartSummary => {
      const lines = ctx.repos.cart.lines(c.id);
      return {
        id: c.id,
        openedAt: c.openedAt,
        parkedAt: c.parkedAt ?? c.openedAt,
        note: c.note,
        lineCount: lines.length,
        firstItem: lines[0] ? { name: lines[0].name, quantity: lines[0].quantity } : null,
        total: priceCartLines(lines, c, taxMode).totals.total,
      };
    });
  },
  'cart-resume': (ctx, { cartId }) =>
    inCartTransaction(ctx, () => {
      requireUser(ctx);
      const cart = loadCart(ctx, cartId);
      if (cart.status !== 'parked')
        throw new AppFailure('CART_NOT_OPEN', `That sale is ${cart.status}, not parked.`);
      ctx.repos.cart.setStatus(cartId, 'open', ctx.clock.now());
      return viewCart(ctx, cartId);
    }),
  'cart-void': voidCart,
};
