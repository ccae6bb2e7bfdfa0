import { describe, expect, it } from 'vitest';
import { csvFileName, csvText } from './csvExport';

describe('csvText', () => {
  it('quotes commas, quotes and line breaks and ends lines with CRLF', () => {
    expect(
      csvText(
        ['Name', 'Net'],
        [
          ['Tea, green', '12.50'],
          ['Say "hi"', null],
          ['two\nlines', 3],
        ],
      ),
    ).toBe('Name,Net\r\n"Tea, green",12.50\r\n"Say ""hi""",\r\n"two\nlines",3\r\n');
  });
  it('defuses spreadsheet formulas in text but keeps negative numbers', () => {
    expect(
      csvText(
        ['a', 'b'],
        [
          ['=SUM(A1)', -12.5],
          ['-3.50', '@x'],
          ['-x', '+1'],
        ],
      ),
    ).toBe("a,b\r\n'=SUM(A1),-12.5\r\n-3.50,'@x\r\n'-x,'+1\r\n");
  });
  it('makes portable file names', () => {
    expect(csvFileName('Sales by hour', '2025-11-02')).toBe('sales-by-hour-2025-11-02.csv');
  });
});
