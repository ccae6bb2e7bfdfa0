// All domain handler maps merged into the one Handlers map. A name registered twice is a
// programming error and throws at startup; a method without a handler fails the type check below.
import type { ApiMethod } from '../../shared/api/inputs';
import { dashboardHandlers } from './analytics/dashboardHandlers';
import { dashboardHqHandlers } from './analytics/hq/hqHandlers';
import { cartHandlers } from './cart/cartHandlers';
import { catalogHandlers } from './catalog/catalogHandlers';
import { historyImportHandlers } from './historyImport/historyImportHandlers';
import type { AnyHandlers } from './handlerTypes';
import { outboxHandlers } from './outbox/outboxHandlers';
import { returnHandlers } from './returns/returnHandlers';
import { saleHandlers } from './sales/saleHandlers';
import { setupHandlers } from './settings/setupHandlers';
import { shiftHandlers } from './shifts/shiftHandlers';
import { stockHandlers } from './stock/stockHandlers';
import { syncHandlers } from './sync/syncHandlers';
import { userHandlers } from './users/userHandlers';

const DOMAINS = [
  setupHandlers,
  userHandlers,
  catalogHandlers,
  cartHandlers,
  saleHandlers,
  returnHandlers,
  stockHandlers,
  shiftHandlers,
  outboxHandlers,
  dashboardHandlers,
  dashboardHqHandlers,
  syncHandlers,
  historyImportHandlers,
] as const;

type Merged = (typeof DOMAINS)[number] extends infer D
  ? D extends object
    ? keyof D
    : never
  : never;
type Missing = Exclude<ApiMethod, Merged>;
/** Compile-time: every API method has a handler (Missing must be never). */
export const everyMethodHandled: [Missing] extends [never] ? true : Missing = true;

export const mergeHandlers = (maps: readonly object[]): AnyHandlers => {
  const all: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, fn] of Object.entries(map)) {
      if (Object.hasOwn(all, name)) throw new Error(`Handler ${name} is registered twice.`);
      all[name] = fn;
    }
  }
  return all as AnyHandlers;
};

export const buildHandlers = (): AnyHandlers => mergeHandlers(DOMAINS);
