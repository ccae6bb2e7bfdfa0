import type { HandlerMap } from '../handlerTypes';
import {
  closedShifts,
  closeShift,
  joinShift,
  moveCash,
  openShift,
  shiftSummary,
  zReportFor,
} from './shiftService';

export const shiftHandlers: HandlerMap<
  | 'shift-current'
  | 'shift-open'
  | 'shift-cash-move'
  | 'shift-close'
  | 'shift-z-report'
  | 'shift-join'
  | 'shift-closed-list'
> = {
  'shift-current': (ctx) => {
    const s = ctx.repos.shifts.current();
    return s ? shiftSummary(ctx, s) : null;
  },
  'shift-join': (ctx) => joinShift(ctx),
  'shift-closed-list': (ctx, { limit, offset }) => closedShifts(ctx, limit, offset),
  'shift-open': (ctx, { openingFloat }) => openShift(ctx, openingFloat),
  'shift-cash-move': (ctx, { amount, reason }) => moveCash(ctx, amount, reason),
  'shift-close': (ctx, { countedCash }) => closeShift(ctx, countedCash),
  'shift-z-report': (ctx, { shiftId }) => zReportFor(ctx, shiftId),
};
