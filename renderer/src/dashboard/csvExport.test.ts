import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/result';
import { csvFileName, csvText, saveCsv, type DesktopCsvSave } from './csvExport';

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

describe('saveCsv in the desktop app', () => {
  const desktop = (answer: Awaited<ReturnType<DesktopCsvSave['dashboard-csv-save']>>) => {
    const calls: unknown[] = [];
    const api: DesktopCsvSave = {
      'dashboard-csv-save': (input) => {
        calls.push(input);
        return Promise.resolve(answer);
      },
    };
    return { api, calls };
  };

  it('saves through the typed preload method, not a page download', async () => {
    const d = desktop(ok({ saved: true, path: '/home/o/sales.csv' }));
    await expect(saveCsv('sales.csv', 'a,b\r\n', d.api)).resolves.toBe(
      'Saved to /home/o/sales.csv',
    );
    expect(d.calls).toEqual([{ fileName: 'sales.csv', text: 'a,b\r\n' }]);
  });

  it('says nothing when the owner cancels, and says why when saving failed', async () => {
    await expect(
      saveCsv('sales.csv', 'a', desktop(ok({ saved: false, path: null })).api),
    ).resolves.toBeNull();
    await expect(
      saveCsv('sales.csv', 'a', desktop(err('STORAGE_ERROR', 'disk full')).api),
    ).resolves.toBe('The CSV was not saved: disk full');
  });
});
