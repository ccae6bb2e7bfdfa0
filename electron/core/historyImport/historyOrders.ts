// Consecutive rows with the same order id and kind make one order: one sale or return event. Its
// event id is derived from (store, kind, order id) alone, so the same order imported twice, from
// the same file or an overlapping one, is recognised and added only once.
import { createHash } from 'node:crypto';
import type { ImportRowError } from '../../../shared/api/types';
import type { HistoryKind, HistoryRow, RowOutcome } from './historyRows';

/** The event schema's limit on lines per sale. */
export const MAX_LINES_PER_ORDER = 1_000;

export interface HistoryOrder {
  eventId: string;
  orderId: string;
  kind: HistoryKind;
  firstLine: number;
  rows: HistoryRow[];
  /** A row of this order had an error: the whole order is left out. */
  bad: boolean;
}

/** A UUIDv8 (RFC 9562 custom layout) from a SHA-256 of the order's identity. */
export const historyEventId = (storeId: string, kind: HistoryKind, orderId: string): string => {
  const h = createHash('sha256').update(`pos-history-v1\n${storeId}\n${kind}\n${orderId}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export class OrderGrouper {
  private current: HistoryOrder | null = null;
  /** 48-bit prefixes of the ids of finished orders: a few bytes each, even for a million. */
  private readonly finished = new Set<number>();

  constructor(
    private readonly storeId: string,
    private readonly report: (e: ImportRowError) => void,
  ) {}

  /** Adds a checked row; returns the order it completed, if the row started another one. */
  push(outcome: Exclude<RowOutcome, { kind: 'other-store' }>, line: number): HistoryOrder | null {
    const orderId = outcome.kind === 'row' ? outcome.row.orderId : outcome.orderId;
    const kind = outcome.kind === 'row' ? outcome.row.kind : (this.current?.kind ?? 'sale');
    let done: HistoryOrder | null = null;
    const cur = this.current;
    if (!cur || cur.orderId !== orderId || (outcome.kind === 'row' && cur.kind !== kind)) {
      done = this.finish();
      this.current = this.start(orderId, kind, line);
    }
    const order = this.current!;
    if (outcome.kind === 'errors') order.bad = true;
    else if (order.rows.length >= MAX_LINES_PER_ORDER) {
      if (!order.bad)
        this.report({
          line,
          column: '',
          reason: `Order ${orderId} has more than ${MAX_LINES_PER_ORDER} lines; split it.`,
        });
      order.bad = true;
    } else order.rows.push(outcome.row);
    return done;
  }

  finish(): HistoryOrder | null {
    const done = this.current;
    this.current = null;
    if (done && done.orderId !== '') this.finished.add(prefixOf(done.eventId));
    return done;
  }

  private start(orderId: string, kind: HistoryKind, line: number): HistoryOrder {
    const eventId = historyEventId(this.storeId, kind, orderId);
    const order: HistoryOrder = {
      eventId,
      orderId,
      kind,
      firstLine: line,
      rows: [],
      bad: orderId === '',
    };
    if (orderId !== '' && this.finished.has(prefixOf(eventId))) {
      this.report({
        line,
        column: '',
        reason: `Order ${orderId} (${kind}) already appeared above; the rows of one order must be next to each other.`,
      });
      order.bad = true;
    }
    return order;
  }
}

const prefixOf = (uuid: string): number => Number.parseInt(uuid.replace('-', '').slice(0, 12), 16);
