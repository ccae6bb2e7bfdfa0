// History import (owner): upload a CSV of past sales, map its columns, check it (per-row errors
// with line numbers), then import it with a progress bar. Re-importing a file adds nothing twice.
import { useEffect, useRef, useState } from 'react';
import type { HistoryFileShape, HistoryImportStatus } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ImportStatusView } from './ImportStatusView';
import { completeMapping, MappingForm, type MappingDraft } from './MappingForm';
import { uploadHistoryFile } from './uploadHistoryFile';

const POLL_MS = 500;
const RUNNING: ReadonlySet<HistoryImportStatus['phase']> = new Set(['checking', 'importing']);

export function HistoryImportScreen() {
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const [file, setFile] = useState<HistoryFileShape | null>(null);
  const [draft, setDraft] = useState<MappingDraft>({});
  const [status, setStatus] = useState<HistoryImportStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<number | null>(null);

  const stopPolling = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stopPolling, []);

  const poll = (importId: string) => {
    stopPolling();
    timer.current = window.setTimeout(() => {
      void call('history-import-status', { importId }).then((r) => {
        if (!r.ok) return setError(errorText(r.error));
        setStatus(r.value);
        if (RUNNING.has(r.value.phase)) poll(importId);
      });
    }, POLL_MS);
  };

  const choose = async (picked: File | undefined) => {
    stopPolling();
    setFile(null);
    setStatus(null);
    setError(null);
    if (!picked) return;
    setUpload({ sent: 0, total: picked.size });
    const sent = await uploadHistoryFile(picked, (s, total) => setUpload({ sent: s, total }));
    if (!sent.ok) return setError(errorText(sent.error));
    const r = await call('history-import-preview', { importId: sent.importId });
    if (!r.ok) return setError(errorText(r.error));
    setFile(r.value.file);
    setDraft(r.value.file.suggested);
  };

  const mapping = completeMapping(draft);
  const running = status !== null && RUNNING.has(status.phase);

  const runCheck = async () => {
    if (!file || !mapping) return;
    setError(null);
    const r = await call('history-import-preview', { importId: file.importId, mapping });
    if (!r.ok) return setError(errorText(r.error));
    setStatus(r.value.status);
    poll(file.importId);
  };

  const runImport = async () => {
    if (!file || !mapping) return;
    setError(null);
    const r = await call('history-import-commit', { importId: file.importId, mapping });
    if (!r.ok) return setError(errorText(r.error));
    setStatus(r.value);
    poll(file.importId);
  };

  return (
    <section className="card" data-testid="history-import">
      <h2>Import sales history</h2>
      <p>
        A CSV of past sales from a spreadsheet or paper book: one row per item sold, with the order
        id, date, product SKU or barcode, quantity and unit price. Rows of one order must be next to
        each other. Dates are read in the store’s time zone.
      </p>
      <input
        type="file"
        accept=".csv,.txt,text/csv"
        aria-label="History CSV file"
        data-testid="history-file"
        disabled={running}
        onChange={(e) => void choose(e.target.files?.[0])}
      />
      {upload && upload.sent < upload.total && (
        <p>
          Uploading…{' '}
          <progress max={upload.total} value={upload.sent} data-testid="history-upload" />
        </p>
      )}
      <ErrorBanner message={error} testId="history-error" />
      {file && (
        <>
          <p data-testid="history-file-shape">
            {(file.bytes / 1e6).toFixed(1)} MB · {file.encoding.toUpperCase()} · separated by{' '}
            {file.delimiter === '\t' ? 'tabs' : `"${file.delimiter}"`} · {file.columns.length}{' '}
            columns
          </p>
          <table className="data-table">
            <thead>
              <tr>
                {file.columns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {file.sample.map((row, i) => (
                <tr key={i}>
                  {file.columns.map((c) => (
                    <td key={c}>{row[c]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <MappingForm file={file} draft={draft} onChange={setDraft} />
          <div className="dialog-actions">
            <button
              type="button"
              data-testid="history-check"
              disabled={!mapping || running}
              onClick={() => void runCheck()}
            >
              Check file
            </button>
            <button
              type="button"
              className="btn-primary"
              data-testid="history-commit"
              disabled={!mapping || running || status?.phase !== 'checked'}
              onClick={() => void runImport()}
            >
              Import {status?.phase === 'checked' ? `${status.sales + status.returns} orders` : ''}
            </button>
          </div>
        </>
      )}
      {status && status.phase !== 'uploaded' && <ImportStatusView status={status} />}
    </section>
  );
}
