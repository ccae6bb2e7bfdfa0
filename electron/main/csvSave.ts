// `dashboard-csv-save` in Electron: the session cancels every will-download (main.ts), so a page's
// blob download would do nothing. The owner picks where the file goes in the system save dialog
// and main writes it. Electron's dialog and the file system are passed in, so this is unit-tested
// without Electron (csvSave.test.ts); main.ts only wires the real ones.
import path from 'node:path';
import { apiInputs, type ApiOutputs } from '../../shared/api';
import { err, ok, type Result } from '../../shared/result';

export type CsvSaveOutcome = ApiOutputs['dashboard-csv-save'];

/** The slice of Electron's dialog.showSaveDialog used here. */
export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}
export type ShowSaveDialog = (
  options: SaveDialogOptions,
) => Promise<{ canceled: boolean; filePath?: string | undefined }>;

export interface CsvSaveDeps {
  showSaveDialog: ShowSaveDialog;
  writeFile: (filePath: string, data: string) => Promise<void>;
  /** Where the dialog opens (the user's Documents folder). */
  defaultDir: string;
}

/** The BOM makes Excel read UTF-8 (product names with accents) correctly, as the blob has. */
const UTF8_BOM = '\uFEFF';

export const createCsvSave =
  (deps: CsvSaveDeps) =>
  async (input: unknown): Promise<Result<CsvSaveOutcome>> => {
    const parsed = apiInputs['dashboard-csv-save'].safeParse(input);
    if (!parsed.success)
      return err('VALIDATION', 'Invalid input for dashboard-csv-save.', parsed.error.issues);
    const choice = await deps.showSaveDialog({
      title: 'Save table as CSV',
      defaultPath: path.join(deps.defaultDir, parsed.data.fileName),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    if (choice.canceled || !choice.filePath) return ok({ saved: false, path: null });
    try {
      await deps.writeFile(choice.filePath, UTF8_BOM + parsed.data.text);
    } catch (cause) {
      return err(
        'STORAGE_ERROR',
        `Could not save ${path.basename(choice.filePath)}: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    }
    return ok({ saved: true, path: choice.filePath });
  };
