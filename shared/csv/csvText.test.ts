import { describe, expect, it } from 'vitest';
import { csvFileName, csvText } from './csvText';

describe('csvText', () => {
  it('quotes separators, quotes and line breaks, and defuses formulas', () => {
    expect(
      csvText(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', null],
          ['=SUM(A1)', -12.5],
          ['@me', '-3'],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n\'=SUM(A1),-12.5\r\n\'@me,-3\r\n');
  });
  it('makes safe file names', () => {
    expect(csvFileName('Audit log', '2026-12-03 10:00')).toBe('audit-log-2026-12-03-10-00.csv');
  });
});
