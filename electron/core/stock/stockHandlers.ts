import type { HandlerMap } from '../handlerTypes';
import { adjustStock, listStock, receiveStock } from './stockService';

export const stockHandlers: HandlerMap<
  'stock-list' | 'stock-moves' | 'stock-receive' | 'stock-adjust'
> = {
  'stock-list': listStock,
  'stock-moves': (ctx, { productId, limit }) => ctx.repos.stock.moves(productId, limit),
  'stock-receive': receiveStock,
  'stock-adjust': adjustStock,
};
