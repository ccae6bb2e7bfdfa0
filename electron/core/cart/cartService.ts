// Cart editing rules: only open carts change, every change is re-priced inside its transaction
// (so an edit that would make a discount exceed its line rolls back), and discounts or price
// cuts beyond the store's limit need an owner: the discount shares are re-judged on the cart as
// it stands after every change (discountApproval.ts), so a later edit cannot stretch an approval.
import type { ApiParsedInput } from '../../../shared/api/inputs';
import type { Cart } from '../../../shared/api/types';
import { shareOfBp } from '../../../shared/pricing';
import { AppFailure } from '../../../shared/result';
import {
  inCartTransaction,
  newEventId,
  requireSettings,
  requireUser,
  type CoreContext,
} from '../context';
import { requireShiftJoined } from '../shifts/shiftService';
import { ownerApprovalBeyondLimit } from '../users/ownerApproval';
import { cartView } from './cartPricing';
import type { CartLineRow, CartRow } from './cartRepo';
import { enforceDiscountApproval } from './discountApproval';

export const loadCart = (ctx: CoreContext, cartId: string): CartRow => {
  const cart = ctx.repos.cart.get(cartId);
  if (!cart) throw new AppFailure('CART_NOT_FOUND', 'That sale no longer exists.');
  return cart;
};

export const loadOpenCart = (ctx: CoreContext, cartId: string): CartRow => {
  const cart = loadCart(ctx, cartId);
  if (cart.status !== 'open') throw new AppFailure('CART_NOT_OPEN', `That sale is ${cart.status}.`);
  return cart;
};

const viewOf = (ctx: CoreContext, cart: CartRow, rows: readonly CartLineRow[]): Cart => {
  const view = cartView(cart, rows, requireSettings(ctx).taxMode);
  // Stock on hand beside each line, so the till can warn when a quantity is above it.
  const lines = view.lines.map((l) => ({ ...l, onHand: ctx.repos.catalog.onHand(l.productId) }));
  return { ...view, lines };
};

export const viewCart = (ctx: CoreContext, cartId: string): Cart =>
  viewOf(ctx, loadCart(ctx, cartId), ctx.repos.cart.lines(cartId));

/**
 * Runs a cart edit, re-judges the discounts of the cart it leaves (an owner's PIN on the request
 * approves them) and returns the re-priced cart, all in one transaction.
 */
export const editCart = (
  ctx: CoreContext,
  cartId: string,
  ownerPin: string | undefined,
  edit: (cart: CartRow) => void,
): Cart =>
  inCartTransaction(ctx, () => {
    requireUser(ctx);
    edit(loadOpenCart(ctx, cartId));
    // The cart as the edit left it, read once for both. Pricing it first refuses an impossible
    // discount (more than its line) before any owner is asked to approve it.
    const cart = loadCart(ctx, cartId);
    const lines = ctx.repos.cart.lines(cartId);
    const view = viewOf(ctx, cart, lines);
    enforceDiscountApproval(ctx, cart, lines, ownerPin);
    return view;
  });

export const openCart = (ctx: CoreContext): Cart =>
  inCartTransaction(ctx, () => {
    const user = requireUser(ctx);
    requireShiftJoined(ctx, user);
    const id = newEventId(ctx);
    ctx.repos.cart.open(id, user.id, ctx.clock.now());
    return viewCart(ctx, id);
  });

export const addItem = (ctx: CoreContext, input: ApiParsedInput<'cart-add-item'>): Cart =>
  editCart(ctx, input.cartId, input.ownerPin, (cart) => {
    const { catalog } = ctx.repos;
    let product;
    if (input.productId !== undefined) product = catalog.get(input.productId);
    else if (input.code !== undefined) product = catalog.lookup(input.code);
    else throw new AppFailure('VALIDATION', 'code: give a barcode, SKU or productId.');
    if (!product)
      throw new AppFailure(
        'PRODUCT_NOT_FOUND',
        `No product matches ${input.code ?? input.productId}.`,
      );
    if (!product.active)
      throw new AppFailure('PRODUCT_INACTIVE', `${product.name} is no longer sold.`);
    // A repeated scan of the same plain line adds to it, as cashiers expect.
    const same = ctx.repos.cart
      .lines(cart.id)
      .find(
        (l) =>
          l.productId === product.id && l.unitPrice === l.catalogPrice && l.lineDiscount === null,
      );
    if (same) {
      ctx.repos.cart.setQuantity(cart.id, same.lineNo, same.quantity + input.quantity);
      return;
    }
    ctx.repos.cart.addLine(cart.id, {
      productId: product.id,
      sku: product.sku,
      name: product.name,
      category: product.category,
      subCategory: product.subCategory,
      unitPrice: product.unitPrice,
      catalogPrice: product.unitPrice,
      quantity: input.quantity,
      taxRateBp: product.taxRateBp,
    });
  });

const lineOf = (ctx: CoreContext, cartId: string, lineNo: number) => {
  const line = ctx.repos.cart.lines(cartId).find((l) => l.lineNo === lineNo);
  if (!line) throw new AppFailure('LINE_NOT_FOUND', `Line ${lineNo} is not in this sale.`);
  return line;
};

const approveIfBeyondLimit = (
  ctx: CoreContext,
  shareBp: number,
  ownerPin: string | undefined,
  what: string,
): void => {
  ownerApprovalBeyondLimit(
    ctx,
    shareBp > requireSettings(ctx).discountLimitBp ? what : null,
    ownerPin,
  );
};

export const setLineDiscount = (
  ctx: CoreContext,
  input: ApiParsedInput<'cart-set-line-discount'>,
): Cart =>
  editCart(ctx, input.cartId, input.ownerPin, (cart) => {
    // The share is judged on the resulting cart by editCart.
    const line = lineOf(ctx, cart.id, input.lineNo);
    ctx.repos.cart.setLineDiscount(cart.id, line.lineNo, input.discount);
  });

export const setCartDiscount = (
  ctx: CoreContext,
  input: ApiParsedInput<'cart-set-cart-discount'>,
): Cart =>
  editCart(ctx, input.cartId, input.ownerPin, (cart) => {
    ctx.repos.cart.setCartDiscount(cart.id, input.discount, ctx.clock.now());
  });

export const overridePrice = (
  ctx: CoreContext,
  input: ApiParsedInput<'cart-override-price'>,
): Cart =>
  editCart(ctx, input.cartId, input.ownerPin, (cart) => {
    const line = lineOf(ctx, cart.id, input.lineNo);
    const cut = line.catalogPrice - input.unitPrice;
    // Raising a price, or cutting it beyond the discount limit, is the owner's call.
    const shareBp = cut < 0 ? 10_001 : shareOfBp(cut, line.catalogPrice);
    approveIfBeyondLimit(ctx, shareBp, input.ownerPin, 'This price change');
    ctx.repos.cart.setUnitPrice(cart.id, line.lineNo, input.unitPrice);
  });

export const setQuantity = (ctx: CoreContext, input: ApiParsedInput<'cart-set-quantity'>): Cart =>
  editCart(ctx, input.cartId, input.ownerPin, (cart) => {
    if (!ctx.repos.cart.setQuantity(cart.id, input.lineNo, input.quantity)) {
      throw new AppFailure('LINE_NOT_FOUND', `Line ${input.lineNo} is not in this sale.`);
    }
  });

export const removeLine = (ctx: CoreContext, input: ApiParsedInput<'cart-remove-line'>): Cart =>
  editCart(ctx, input.cartId, input.ownerPin, (cart) => {
    if (!ctx.repos.cart.removeLine(cart.id, input.lineNo)) {
      throw new AppFailure('LINE_NOT_FOUND', `Line ${input.lineNo} is not in this sale.`);
    }
  });
