import type { HandlerMap } from '../handlerTypes';
import { checkout } from './checkoutService';
import { searchReceipts } from './receiptSearch';
import { receiptByNumberOrId } from './receiptView';

export const saleHandlers: HandlerMap<
  'cart-checkout' | 'sale-receipt' | 'sale-search' | 'sale-print'
> = {
  'cart-checkout': (ctx, { cartId, payments, ownerPin }) =>
    checkout(ctx, cartId, payments, ownerPin),
  'sale-receipt': (ctx, { receiptNo, eventId }) => receiptByNumberOrId(ctx, receiptNo, eventId),
  'sale-search': (ctx, input) => searchReceipts(ctx, input),
  // Electron main prints itself; any other host has no printer, and the UI falls back to window.print().
  'sale-print': () => ({ printed: false, pdfPath: null }),
};
