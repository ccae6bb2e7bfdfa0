// Cuts the pending outbox into push requests. The stored bodies are already the JSON envelopes
// the gateway wants, so a request is built by concatenating them: no parse/re-serialise of
// 100,000 queued sales, and the bytes sent are exactly the bytes that were committed.
import type { PendingRow } from '../outbox/outboxQueue';

export type { PendingRow };

export interface BatchCaps {
  maxEvents: number;
  maxBytes: number;
}

/** The relay's defaults, well inside the gateway's limits (1,000 events, 1 MiB). */
export const DEFAULT_BATCH_CAPS: BatchCaps = { maxEvents: 500, maxBytes: 512 * 1024 };

export interface Batch {
  rows: PendingRow[];
  /** `{"events":[...]}` ready to POST. */
  payload: string;
  bytes: number;
}

export interface Unsendable {
  row: PendingRow;
  reason: string;
}

const WRAPPER_BYTES = Buffer.byteLength('{"events":[]}');

/**
 * A structural check, not a parse: bodies are written by the outbox with JSON.stringify of a
 * validated event, so this only catches an empty, truncated or non-object body. Parsing every
 * body of a 100,000-event backlog just to concatenate it again would be the relay's main cost; a
 * body that is malformed inside still gets the whole request a 400, and the relay's halving then
 * isolates and rejects exactly that event.
 */
const isJsonObject = (body: string): boolean => {
  const first = body.charCodeAt(0);
  const last = body.charCodeAt(body.length - 1);
  // '{' ... '}' with no surrounding whitespace (JSON.stringify never adds any).
  return first === 0x7b && last === 0x7d && body.length >= 2;
};

/**
 * Takes rows (in seq order) into one batch under both caps. The first row always goes in, even
 * if it alone exceeds the byte cap: the gateway is the judge of what is too large, and a row the
 * relay refused to send would block nothing but also never be resolved. Rows whose body is not a
 * JSON object cannot be sent at all (they would break the whole request) and are returned apart.
 */
export const takeBatch = (
  rows: readonly PendingRow[],
  caps: BatchCaps,
): { batch: Batch | null; unsendable: Unsendable[] } => {
  const taken: PendingRow[] = [];
  const parts: string[] = [];
  const unsendable: Unsendable[] = [];
  let bytes = WRAPPER_BYTES;
  for (const row of rows) {
    if (taken.length >= caps.maxEvents) break;
    if (!isJsonObject(row.body)) {
      unsendable.push({ row, reason: 'The stored event is not a JSON object.' });
      continue;
    }
    const size = Buffer.byteLength(row.body) + (taken.length > 0 ? 1 : 0);
    if (taken.length > 0 && bytes + size > caps.maxBytes) break;
    taken.push(row);
    parts.push(row.body);
    bytes += size;
  }
  if (taken.length === 0) return { batch: null, unsendable };
  return { batch: { rows: taken, payload: `{"events":[${parts.join(',')}]}`, bytes }, unsendable };
};
