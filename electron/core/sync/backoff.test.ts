import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from './backoff';

const policy = { baseMs: 500, maxMs: 60_000, minMs: 100 };

describe('backoffDelay', () => {
  it('doubles the cap per failure until the ceiling', () => {
    const top = (failures: number) => backoffDelay(failures, policy, () => 0.999999);
    expect(top(1)).toBe(499);
    expect(top(2)).toBe(999);
    expect(top(3)).toBe(1_999);
    expect(top(8)).toBe(59_999);
    expect(top(1_000)).toBe(59_999);
  });

  it('draws uniformly below the cap (full jitter) but never under the floor', () => {
    expect(backoffDelay(5, policy, () => 0)).toBe(100);
    expect(backoffDelay(5, policy, () => 0.5)).toBe(4_000);
    const draws = Array.from({ length: 2_000 }, () => backoffDelay(6, policy));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...draws)).toBeLessThan(16_000);
    // Spread, not lock-step: a fleet retrying together lands all over the window.
    expect(new Set(draws.map((d) => Math.floor(d / 1_000))).size).toBeGreaterThan(10);
  });

  it('honours Retry-After as a floor', () => {
    expect(backoffDelay(1, policy, () => 0, 5_000)).toBe(5_000);
    expect(backoffDelay(9, policy, () => 0.9, 1_000)).toBe(Math.floor(0.9 * 60_000));
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', 0)).toBe(3_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter(null, 0)).toBeNull();
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});
