import { describe, expect, it } from 'vitest';
import { parseSse } from './analyticsStream';

describe('parseSse', () => {
  it('splits complete messages, keeps the unfinished tail, ignores comments', () => {
    const { messages, rest } = parseSse(
      ': keep-alive\n\nevent: analytics\ndata: {"storeId":"S1"}\n\r\ndata: a\ndata: b\n\nevent: anal',
    );
    expect(messages).toEqual([
      { event: 'analytics', data: '{"storeId":"S1"}' },
      { event: 'message', data: 'a\nb' },
    ]);
    expect(rest).toBe('event: anal');
  });
});
