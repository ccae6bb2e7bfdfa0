// CSV text both sides write: the till's and console's table exports and HQ's audit-log export.
// RFC 4180 quoting, CRLF line ends, and cells that a spreadsheet would run as a formula (leading
// = + - @ tab CR) defused with a quote mark, since exported names and reasons are typed by people.
// renderer/src/dashboard/csvExport.ts re-exports these and adds the browser download.

export type CsvCell = string | number | null;

export const csvCell = (cell: CsvCell): string => {
  if (cell === null) return '';
  const text = String(cell);
  // Plain numbers are exempt: -12.50 is a value, not a formula.
  const formula = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text);
  const safe = formula ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** One CSV line with its CRLF end. */
export const csvLine = (cells: readonly CsvCell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** RFC 4180 text with CRLF line ends and a header row. */
export const csvText = (header: readonly string[], rows: readonly (readonly CsvCell[])[]): string =>
  [header, ...rows].map(csvLine).join('');

/** A file name safe on every OS: letters, digits and dashes. */
export const csvFileName = (title: string, suffix: string): string =>
  `${`${title}-${suffix}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.csv`;
