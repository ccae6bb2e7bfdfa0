// Every chart's table can be saved as CSV. Text is built from the same rows the table shows
// (money as plain decimals, not localised strings, so spreadsheets read numbers), then handed to
// the browser as a Blob download: no server round trip, works offline and in Electron alike.

export type CsvCell = string | number | null;

const quote = (cell: CsvCell): string => {
  if (cell === null) return '';
  const text = String(cell);
  // Leading = + - @ would make a spreadsheet run the cell as a formula; a quote mark defuses it
  // (plain numbers are exempt: -12.50 is a value, not a formula).
  const formula = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text);
  const safe = formula ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** RFC 4180 text with CRLF line ends and a header row. */
export const csvText = (header: readonly string[], rows: readonly (readonly CsvCell[])[]): string =>
  [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';

/** A file name safe on every OS: letters, digits and dashes. */
export const csvFileName = (title: string, suffix: string): string =>
  `${`${title}-${suffix}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.csv`;

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
