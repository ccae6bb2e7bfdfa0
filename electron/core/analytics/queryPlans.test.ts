// The dashboard must stay fast at a million sales: every statement reads a range of an index,
// never a whole table. These tests pin the plans SQLite picks (on an empty database, where the
// planner has no statistics to rescue a bad query).
import { describe, expect, it } from 'vitest';
import { ensureAnalyticsSchema } from './analyticsSchema';
import { trendsSql } from './localTrends';
import { openTestShop } from '../../test/analytics/testShop';
import { todaySql } from './todayFigures';

const db = openTestShop('UTC');
ensureAnalyticsSchema(db, 'UTC');
const plan = (sql: string, params: object): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
    (r) => r.detail,
  );
const noTableScan = (details: string[]): void => {
  // SCAN of a subquery/co-routine is a pass over already-filtered rows; a SCAN of a table is not.
  expect(details.filter((d) => /^SCAN (sales|sale_lines|l|analytics_\w+)\b/.test(d))).toEqual([]);
};

describe('query plans', () => {
  it("today's figures read today's sales through sales_by_time and their lines by key", () => {
    for (const [name, sql] of Object.entries(todaySql('e.occurred_at % 24'))) {
      const details = plan(sql, { start: 0, end: 1 });
      noTableScan(details);
      expect(
        details.some(
          (d) =>
            d.includes('USING') &&
            d.includes('INDEX sales_by_time (occurred_at>? AND occurred_at<?)'),
        ),
        name,
      ).toBe(true);
      expect(details, name).toContain('SEARCH l USING PRIMARY KEY (event_id=?)');
    }
  });

  it('month and year figures read day- or month-key ranges of the rollups', () => {
    const range = {
      from: 20250101,
      to: 20251231,
      headFrom: 1,
      headTo: 0,
      monthFrom: 202501,
      monthTo: 202512,
      tailFrom: 1,
      tailTo: 0,
    };
    for (const byCategory of [false, true]) {
      const params = byCategory ? { ...range, category: 'x' } : range;
      for (const [name, sql] of Object.entries(trendsSql(byCategory))) {
        const details = plan(sql, params);
        noTableScan(details);
        const searches = details.filter((d) =>
          /^SEARCH analytics_\w+ USING .*(day|month|rowid)>\? AND (day|month|rowid)<\?/.test(d),
        );
        expect(searches.length, `${name} ${details.join(' | ')}`).toBe(name === 'products' ? 3 : 1);
      }
    }
  });
});
