// Top-N ranking with a deterministic tie-break, so two runs (or the till and HQ) list the same
// products in the same order: higher value first, then the key in ascending code-point order.

export interface Ranked<T> {
  rank: number;
  item: T;
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const topN = <T>(
  items: readonly T[],
  n: number,
  value: (item: T) => number,
  key: (item: T) => string,
): Ranked<T>[] =>
  [...items]
    .sort((a, b) => value(b) - value(a) || compareKeys(key(a), key(b)))
    .slice(0, Math.max(0, n))
    .map((item, i) => ({ rank: i + 1, item }));
