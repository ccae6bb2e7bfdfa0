// Every chart's table can be saved as CSV. Text is built from the same rows the table shows
// (money as plain decimals, not localised strings, so spreadsheets read numbers). In the desktop
// app it is saved through the typed `dashboard-csv-save` method (main's save dialog: Electron
// cancels page downloads); in a browser (browser mode, the HQ console) it is a Blob download.
// Either way no server round trip, so it works offline.
import type { PosApi } from '../../../shared/api';

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

/** The one preload method a CSV save needs (the rest of window.pos stays out of reach here). */
export type DesktopCsvSave = Pick<PosApi, 'dashboard-csv-save'>;

/**
 * Saves a table's CSV the way this host can: the desktop app's save dialog when `window.pos`
 * exists, else a browser download. Returns what to tell the owner (null: nothing to say, e.g. a
 * cancelled dialog or a browser download, which the browser shows itself).
 */
export const saveCsv = async (
  fileName: string,
  text: string,
  desktop: DesktopCsvSave | undefined = window.pos,
): Promise<string | null> => {
  if (!desktop) {
    downloadCsv(fileName, text);
    return null;
  }
  const r = await desktop['dashboard-csv-save']({ fileName, text });
  if (!r.ok) return `The CSV was not saved: ${r.error.message}`;
  return r.value.saved && r.value.path ? `Saved to ${r.value.path}` : null;
};
