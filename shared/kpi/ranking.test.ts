import { describe, expect, it } from 'vitest';
import { topN } from './ranking';

describe('topN', () => {
  const rows = [
    { sku: 'B', net: 100 },
    { sku: 'A', net: 100 },
    { sku: 'C', net: 300 },
    { sku: 'D', net: 50 },
  ];

  it('ranks by value then by key, deterministically', () => {
    const ranked = topN(
      rows,
      3,
      (r) => r.net,
      (r) => r.sku,
    );
    expect(ranked.map((r) => [r.rank, r.item.sku])).toEqual([
      [1, 'C'],
      [2, 'A'],
      [3, 'B'],
    ]);
    expect(
      topN(
        [...rows].reverse(),
        3,
        (r) => r.net,
        (r) => r.sku,
      ),
    ).toEqual(ranked);
  });

  it('handles n beyond the list and non-positive n', () => {
    expect(
      topN(
        rows,
        10,
        (r) => r.net,
        (r) => r.sku,
      ),
    ).toHaveLength(4);
    expect(
      topN(
        rows,
        0,
        (r) => r.net,
        (r) => r.sku,
      ),
    ).toEqual([]);
  });
});
