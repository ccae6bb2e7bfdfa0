import { describe, expect, it } from 'vitest';
import { apiChannel, type PosDispatch } from '../../shared/api';
import { ok, type Result } from '../../shared/result';
import { createCsvSave, type CsvSaveDeps, type SaveDialogOptions } from './csvSave';
import { registerIpcHandlers, type IpcListener, type IpcMainLike } from './ipcHandlers';
import { APP_INDEX_URL, type SenderEventLike } from './senderCheck';

const ownFrame: SenderEventLike = { senderFrame: { url: APP_INDEX_URL, parent: null } };
const channel = apiChannel('dashboard-csv-save');

/** The dialog and file system main.ts passes in, recording what they were asked. */
const fakeDeps = (answer: { canceled: boolean; filePath?: string }, failWrite = false) => {
  const dialogs: SaveDialogOptions[] = [];
  const written: Array<[string, string]> = [];
  const deps: CsvSaveDeps = {
    showSaveDialog: (options) => {
      dialogs.push(options);
      return Promise.resolve(answer);
    },
    writeFile: (filePath, data) => {
      if (failWrite) return Promise.reject(new Error('disk full'));
      written.push([filePath, data]);
      return Promise.resolve();
    },
    defaultDir: '/home/owner/Documents',
  };
  return { deps, dialogs, written };
};

/** Registers the handlers as main.ts does and returns the CSV channel's listener. */
const csvChannel = (deps: CsvSaveDeps): IpcListener => {
  const handlers = new Map<string, IpcListener>();
  const ipc: IpcMainLike = { handle: (name, listener) => void handlers.set(name, listener) };
  const coreAnswer: PosDispatch = () => Promise.resolve(ok({ saved: false, path: null }) as never);
  registerIpcHandlers(ipc, coreAnswer, {
    overrides: { 'dashboard-csv-save': createCsvSave(deps) },
  });
  return handlers.get(channel)!;
};

const input = { fileName: 'sales-by-day-2026-12.csv', text: 'Day,Net\r\n2026-12-01,10.50\r\n' };

describe('dashboard-csv-save over IPC', () => {
  it('asks where to save and writes the CSV there with a UTF-8 BOM', async () => {
    const fake = fakeDeps({ canceled: false, filePath: '/tmp/out/sales.csv' });
    const answer: Result<unknown> = await csvChannel(fake.deps)(ownFrame, input);
    expect(answer).toEqual(ok({ saved: true, path: '/tmp/out/sales.csv' }));
    expect(fake.dialogs).toEqual([
      {
        title: 'Save table as CSV',
        defaultPath: '/home/owner/Documents/sales-by-day-2026-12.csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      },
    ]);
    expect(fake.written).toEqual([['/tmp/out/sales.csv', `\uFEFF${input.text}`]]);
  });

  it('writes nothing when the owner cancels the dialog', async () => {
    const fake = fakeDeps({ canceled: true });
    await expect(csvChannel(fake.deps)(ownFrame, input)).resolves.toEqual(
      ok({ saved: false, path: null }),
    );
    expect(fake.written).toEqual([]);
  });

  it('answers STORAGE_ERROR when the file cannot be written', async () => {
    const fake = fakeDeps({ canceled: false, filePath: '/tmp/out/sales.csv' }, true);
    await expect(csvChannel(fake.deps)(ownFrame, input)).resolves.toMatchObject({
      ok: false,
      error: { code: 'STORAGE_ERROR' },
    });
  });

  it('refuses a file name that is not a plain CSV name, before any dialog', async () => {
    for (const fileName of ['../../etc/passwd', 'report.exe', '', 'a/b.csv']) {
      const fake = fakeDeps({ canceled: false, filePath: '/tmp/x.csv' });
      await expect(csvChannel(fake.deps)(ownFrame, { fileName, text: 'a' })).resolves.toMatchObject(
        { ok: false, error: { code: 'VALIDATION' } },
      );
      expect(fake.dialogs).toEqual([]);
    }
  });

  it('refuses a caller that is not our own page', async () => {
    const fake = fakeDeps({ canceled: false, filePath: '/tmp/x.csv' });
    const stranger: SenderEventLike = {
      senderFrame: { url: 'https://evil.example/', parent: null },
    };
    await expect(csvChannel(fake.deps)(stranger, input)).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(fake.dialogs).toEqual([]);
  });
});
