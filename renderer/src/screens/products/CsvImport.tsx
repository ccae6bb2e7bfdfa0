// CSV import: preview first (per-row errors, creates vs updates, each update field by field), then
// commit the same text. The valid rows import; rows with errors are skipped and listed with line
// and reason. The file input is emptied after each read, so choosing the same file again (after
// fixing it) reads it again instead of keeping the old text.
import { useState, type ChangeEvent } from 'react';
import type { ImportFieldChange, ImportPreview, ImportRowError } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { RowErrors } from '../../components/RowErrors';
import { useMoney } from '../../state/settingsContext';

type Kind = 'catalog' | 'opening-stock';

/** A changed value as the owner reads it: prices in the currency, tax rates in percent. */
const shownValue = (
  field: ImportFieldChange['field'],
  v: ImportFieldChange['before'],
  money: (minor: number) => string,
): string => {
  if (typeof v === 'number' && field === 'unitPrice') return money(v);
  if (typeof v === 'number' && field === 'taxRateBp') return `${v / 100} %`;
  if (Array.isArray(v)) return v.join(' | ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
};

export function CsvImport({ onImported }: { onImported: () => void }) {
  const money = useMoney();
  const [kind, setKind] = useState<Kind>('catalog');
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const [skipped, setSkipped] = useState<ImportRowError[]>([]);

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Without this, picking the same file name again fires no change event.
    input.value = '';
    if (!file) return;
    setCsv(await file.text());
    setPreview(null);
    setNote(null);
    setSkipped([]);
  };

  const runPreview = async () => {
    setNote(null);
    setSkipped([]);
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
    setSkipped(r.value.errors);
    setNote(
      `Imported ${r.value.imported} rows: ${r.value.created} new, ${r.value.updated} updated, ` +
        `${r.value.unchanged} unchanged.` +
        (r.value.skipped > 0 ? ` ${r.value.skipped} rows with errors were skipped.` : ''),
    );
    onImported();
  };

  const columns = preview?.sample[0] ? Object.keys(preview.sample[0]) : [];
  const headerUnusable = preview?.errors.some((e) => e.line === 1) ?? false;
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
          data-testid="csv-file"
          onChange={(e) => void readFile(e)}
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
          disabled={!preview || preview.validRows === 0 || headerUnusable}
          onClick={() => void commit()}
        >
          Import {preview ? `${preview.validRows} rows` : ''}
          {preview && preview.errors.length > 0 ? ', skip the rows with errors' : ''}
        </button>
      </div>
      <ErrorBanner message={error} testId="csv-error" />
      {note && (
        <p className="info-note" data-testid="csv-imported">
          {note}
        </p>
      )}
      {skipped.length > 0 && <RowErrors errors={skipped} testId="csv-skipped" max={200} />}
      {preview && (
        <div data-testid="csv-preview-result">
          <p>
            {preview.totalRows} rows · {preview.validRows} valid · {preview.creates} new ·{' '}
            {preview.updates} updates · {preview.unchanged} unchanged · {preview.errors.length}{' '}
            errors
          </p>
          {preview.errors.length > 0 && (
            <RowErrors errors={preview.errors} testId="csv-errors" max={200} />
          )}
          {preview.changes.length > 0 && (
            <table className="data-table" data-testid="csv-changes">
              <thead>
                <tr>
                  <th>Line</th>
                  <th>SKU</th>
                  <th>Field</th>
                  <th>Before</th>
                  <th>After</th>
                </tr>
              </thead>
              <tbody>
                {preview.changes.flatMap((c) =>
                  c.fields.map((f) => (
                    <tr key={`${c.line}-${f.field}`}>
                      <td>{c.line}</td>
                      <td>{c.sku}</td>
                      <td>{f.field}</td>
                      <td>{shownValue(f.field, f.before, money.format)}</td>
                      <td>{shownValue(f.field, f.after, money.format)}</td>
                    </tr>
                  )),
                )}
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
