// `sale-print` in Electron: lays the receipt out in a hidden, script-less window and either opens
// the system print dialog or writes a PDF under the data directory.
import { BrowserWindow } from 'electron';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { apiInputs, type PosDispatch } from '../../shared/api';
import { err, ok, type Result } from '../../shared/result';
import { receiptHtml } from './receiptHtml';
import { receiptPdfName } from './receiptPdfName';
import { receiptWindowOptions } from './windowOptions';

export type PrintOutcome = { printed: boolean; pdfPath: string | null };

const printDialog = (window: BrowserWindow): Promise<boolean> =>
  new Promise((resolve) => {
    window.webContents.print({ silent: false, printBackground: false }, (success) =>
      resolve(success),
    );
  });

export const createSalePrint =
  (dispatch: PosDispatch, receiptsDir: string) =>
  async (input: unknown): Promise<Result<PrintOutcome>> => {
    const parsed = apiInputs['sale-print'].safeParse(input);
    if (!parsed.success)
      return err('VALIDATION', 'Invalid input for sale-print.', parsed.error.issues);
    const [receipt, settings] = await Promise.all([
      dispatch('sale-receipt', { eventId: parsed.data.eventId }),
      dispatch('settings-get', {}),
    ]);
    if (!receipt.ok) return receipt;
    if (!settings.ok) return settings;
    const html = receiptHtml(receipt.value, {
      locale: settings.value.locale,
      timeZone: settings.value.timeZone,
    });
    const window = new BrowserWindow(receiptWindowOptions());
    try {
      await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      if (!parsed.data.pdf) return ok({ printed: await printDialog(window), pdfPath: null });
      const pdf = await window.webContents.printToPDF({ printBackground: false, pageSize: 'A4' });
      await mkdir(receiptsDir, { recursive: true });
      const pdfPath = path.join(receiptsDir, receiptPdfName(receipt.value.receiptNo));
      await writeFile(pdfPath, pdf);
      return ok({ printed: false, pdfPath });
    } catch (cause) {
      return err(
        'INTERNAL',
        `Printing failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    } finally {
      window.destroy();
    }
  };
