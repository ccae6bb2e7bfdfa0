// UUIDv7 (RFC 9562): 48-bit Unix ms timestamp, then randomness. Time-ordered ids keep SQLite and
// Postgres B-tree inserts append-mostly. crypto.getRandomValues is ECMAScript-host standard in
// both Node 20 and browsers, so this stays runtime-neutral.

declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

let lastMs = 0;
let counter = 0;

export const uuidv7 = (nowMs: number = Date.now()): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // Monotonic within one process: same millisecond -> bump a 12-bit counter in rand_a.
  if (nowMs <= lastMs) {
    counter = (counter + 1) & 0xfff;
    if (counter === 0) lastMs += 1;
    nowMs = lastMs;
  } else {
    lastMs = nowMs;
    counter = (bytes[6]! & 0x07) << 8; // random start, leaves headroom to count up
  }
  const ms = BigInt(nowMs);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export const UUID_V7_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const uuidv7Timestamp = (id: string): number =>
  parseInt(id.replace(/-/g, '').slice(0, 12), 16);
