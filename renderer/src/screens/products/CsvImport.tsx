// CSV import: preview first (per-row errors, creates vs updates), then commit the same text.
import { useState } from 'react';
import type { ImportPreview } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';

type Kind = 'catalog' | 'opening-stock';

export function CsvImport({ onImported }: { onImported: () => void }) {
  const [kind, setKind] = useState<Kind>('catalog');
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setCsv(await file.text());
    setPreview(null);
  };

  const runPreview = async () => {
    setNote(null);
    const r = await call('catalog-import-preview', { csv, kind });
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    setPreview(r.value);
  };

  const commit = async () => {
    const r = await call('catalog-import-commit', { csv, kind });
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    setPreview(null);
    setCsv('');
    setNote(
      `Imported ${r.value.imported} rows: ${r.value.created} new, ${r.value.updated} updated.`,
    );
    onImported();
  };

  const columns = preview?.sample[0] ? Object.keys(preview.sample[0]) : [];
  return (
    <section className="card" data-testid="csv-import">
      <h2>Import from CSV</h2>
      <div className="form-row">
        <select
          value={kind}
          aria-label="What the file holds"
          onChange={(e) => {
            setKind(e.target.value as Kind);
            setPreview(null);
          }}
        >
          <option value="catalog">Products (catalog)</option>
          <option value="opening-stock">Opening stock</option>
        </select>
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label="CSV file"
          onChange={(e) => void readFile(e.target.files?.[0])}
        />
      </div>
      <textarea
        rows={5}
        className="csv-text"
        placeholder="…or paste CSV here"
        data-testid="csv-text"
        value={csv}
        onChange={(e) => {
          setCsv(e.target.value);
          setPreview(null);
        }}
      />
      <div className="dialog-actions">
        <button
          type="button"
          data-testid="csv-preview"
          disabled={!csv.trim()}
          onClick={() => void runPreview()}
        >
          Preview
        </button>
        <button
          type="button"
          className="btn-primary"
          data-testid="csv-commit"
          disabled={!preview || preview.validRows === 0 || preview.errors.length > 0}
          onClick={() => void commit()}
        >
          Import {preview ? `${preview.validRows} rows` : ''}
        </button>
      </div>
      <ErrorBanner message={error} testId="csv-error" />
      {note && <p className="info-note">{note}</p>}
      {preview && (
        <div data-testid="csv-preview-result">
          <p>
            {preview.totalRows} rows · {preview.validRows} valid · {preview.creates} new ·{' '}
            {preview.updates} updates · {preview.errors.length} errors
          </p>
          {preview.errors.length > 0 && (
            <table className="data-table" data-testid="csv-errors">
              <thead>
                <tr>
                  <th>Line</th>
                  <th>Column</th>
                  <th>Problem</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.slice(0, 200).map((e, i) => (
                  <tr key={i}>
                    <td>{e.line}</td>
                    <td>{e.column}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {columns.length > 0 && (
            <table className="data-table">
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((row, i) => (
                  <tr key={i}>
                    {columns.map((c) => (
                      <td key={c}>{row[c]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
