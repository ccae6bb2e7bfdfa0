import type { HandlerMap } from '../handlerTypes';
import { closeShift, moveCash, openShift, shiftSummary, zReportFor } from './shiftService';

export const shiftHandlers: HandlerMap<
  'shift-current' | 'shift-open' | 'shift-cash-move' | 'shift-close' | 'shift-z-report'
> = {
  'shift-current': (ctx) => {
    const s = ctx.repos.shifts.current();
    return s ? shiftSummary(s) : null;
  },
  'shift-open': (ctx, { openingFloat }) => openShift(ctx, openingFloat),
  'shift-cash-move': (ctx, { amount, reason }) => moveCash(ctx, amount, reason),
  'shift-close': (ctx, { countedCash }) => closeShift(ctx, countedCash),
  'shift-z-report': (ctx, { shiftId }) => zReportFor(ctx, shiftId),
};
