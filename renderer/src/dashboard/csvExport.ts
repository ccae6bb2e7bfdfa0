// Every chart's table can be saved as CSV. Text is built from the same rows the table shows
// (money as plain decimals, not localised strings, so spreadsheets read numbers), then handed to
// the browser as a Blob download: no server round trip, works offline and in Electron alike.

// The text itself is shared/csv/csvText.ts: the same quoting serves HQ's audit-log export.
export { csvFileName, csvText, type CsvCell } from '../../../shared/csv/csvText';

export const downloadCsv = (fileName: string, text: string): void => {
  // The BOM makes Excel read UTF-8 (product names with accents) correctly.
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
};
