// Importing the master catalog from a CSV (the till's columns: sku, name, price, category,
// sub_category, tax_rate, barcodes, reorder_level, lead_time_days, active). HQ previews it first:
// counts, every row error with its line and column, and field-by-field changes of existing
// products. "Import" writes the valid rows and skips (and lists) the rows with errors; a file
// whose header is unusable imports nothing. The file input is emptied after each read, so the
// same file chosen again after fixing it is read again.
import { useState } from 'react';
import type {
  CatalogFieldChange,
  CatalogImportPreview,
  CatalogImportResult,
  CatalogImportRowError,
} from '../../../shared/console/consoleApi';
import { formatMoney } from '../../../shared/money';
import { ChartCard, type Column } from '../../src/dashboard/ChartCard';
import { errorWords } from '../api/consoleClient';
import { useSession } from '../state/sessionContext';
import { previewOfError } from './importPreview';

interface Props {
  currencies: readonly string[];
  defaultCurrency: string;
  onImported: () => void;
}

interface ChangeRow extends CatalogFieldChange {
  line: number;
  sku: string;
}

const cell = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);

/** A changed value as a person reads it: prices in the currency, tax rates in percent. */
const shown = (field: string, v: unknown, currency: string, locale: string): string => {
  if (typeof v === 'number' && field === 'unitPrice') return formatMoney(v, currency, locale);
  if (typeof v === 'number' && field === 'taxRateBp') return `${v / 100} %`;
  return cell(v);
};

const errorColumns: Column<CatalogImportRowError>[] = [
  { label: 'Line', csv: (e) => e.line, numeric: true },
  { label: 'Column', csv: (e) => e.column ?? '' },
  { label: 'Problem', csv: (e) => e.message },
];
const changeColumns = (currency: string, locale: string): Column<ChangeRow>[] => [
  { label: 'Line', csv: (c) => c.line, numeric: true },
  { label: 'SKU', csv: (c) => c.sku },
  { label: 'Field', csv: (c) => c.field },
  {
    label: 'Before',
    csv: (c) => cell(c.before),
    show: (c) => shown(c.field, c.before, currency, locale),
  },
  {
    label: 'After',
    csv: (c) => cell(c.after),
    show: (c) => shown(c.field, c.after, currency, locale),
  },
];

export function CatalogImportPanel({ currencies, defaultCurrency, onImported }: Props) {
  const { api, locale } = useSession();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [currency, setCurrency] = useState(defaultCurrency);
  const [preview, setPreview] = useState<CatalogImportPreview | null>(null);
  const [result, setResult] = useState<CatalogImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const count = new Intl.NumberFormat(locale);

  const changed = (text: string, name: string) => {
    setCsv(text);
    setFileName(name);
    setPreview(null);
    setResult(null);
  };
  const runPreview = async () => {
    setBusy(true);
    setFailure(null);
    const r = await api.previewImport(csv, currency);
    setBusy(false);
    if (r.ok) setPreview(r.value);
    else setFailure(errorWords(r.error));
  };
  const runImport = async () => {
    setBusy(true);
    setFailure(null);
    const r = await api.runImport(csv, currency);
    setBusy(false);
    if (r.ok) {
      setResult(r.value);
      setPreview(null);
      onImported();
      return;
    }
    const again = previewOfError(r.error.body);
    if (again) setPreview(again);
    setFailure(errorWords(r.error));
  };

  const changeRows: ChangeRow[] =
    preview?.changes.flatMap((c) => c.fields.map((f) => ({ ...f, line: c.line, sku: c.sku }))) ??
    [];
  const options = currencies.length > 0 ? currencies : [defaultCurrency];

  return (
    <section
      className="dash-card dash-card-wide console-import"
      data-testid="catalog-import"
      aria-label="Import CSV"
    >
      <h2>Import a catalog CSV</h2>
      <p className="hint">
        Columns: sku, name, price (required); category, sub_category, tax_rate (percent), barcodes
        (separated by |), reorder_level, lead_time_days, active (yes/no). Rows are matched by SKU.
      </p>
      <div className="console-toolbar">
        <label>
          File
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="catalog-import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Without this, choosing the same file name again fires no change event.
              e.target.value = '';
              if (file) void file.text().then((t) => changed(t, file.name));
            }}
          />
        </label>
        <label>
          Prices are in
          <select
            value={currency}
            data-testid="catalog-import-currency"
            onChange={(e) => setCurrency(e.target.value)}
          >
            {options.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      </div>
      <label className="console-field">
        <span>…or paste the CSV</span>
        <textarea
          rows={5}
          value={csv}
          data-testid="catalog-import-text"
          onChange={(e) => changed(e.target.value, '')}
        />
      </label>
      <div className="console-toolbar">
        <button
          type="button"
          className="btn-primary"
          disabled={busy || csv.trim() === ''}
          data-testid="catalog-import-preview"
          onClick={() => void runPreview()}
        >
          Preview{fileName && ` ${fileName}`}
        </button>
        {preview && (
          <button
            type="button"
            className="btn-primary"
            disabled={busy || preview.validRows === 0 || preview.errors.some((e) => e.line === 1)}
            data-testid="catalog-import-run"
            onClick={() => void runImport()}
          >
            Import {count.format(preview.creates + preview.updates)} changes
            {preview.errors.length > 0 && ', skip the rows with errors'}
          </button>
        )}
      </div>
      {failure && (
        <p className="error-banner" role="alert" data-testid="catalog-import-error">
          {failure}
        </p>
      )}
      {result && (
        <p className="info-note" role="status" data-testid="catalog-import-result">
          Imported: {count.format(result.created)} created, {count.format(result.updated)} updated,{' '}
          {count.format(result.unchanged)} unchanged
          {result.skipped > 0 && `, ${count.format(result.skipped)} rows with errors skipped`}.
          Catalog version {result.catalogVersion}; tills pull it on their next sync.
        </p>
      )}
      {result && result.errors.length > 0 && (
        <ChartCard
          title="Rows skipped"
          testId="import-skipped"
          columns={errorColumns}
          rows={result.errors}
          fileSuffix="skipped"
          tableOnly
          rowTestId={(e) => `import-skipped-${e.line}-${e.column ?? ''}`}
        />
      )}
      {preview && (
        <div data-testid="catalog-import-summary">
          <dl className="console-counts">
            {(
              [
                ['Rows', preview.totalRows, 'rows'],
                ['Valid', preview.validRows, 'valid'],
                ['New', preview.creates, 'creates'],
                ['Changed', preview.updates, 'updates'],
                ['Unchanged', preview.unchanged, 'unchanged'],
                ['Errors', preview.errors.length, 'errors'],
              ] as const
            ).map(([label, n, id]) => (
              <div key={id}>
                <dt>{label}</dt>
                <dd data-testid={`import-count-${id}`}>{count.format(n)}</dd>
              </div>
            ))}
          </dl>
          {preview.errors.length > 0 && (
            <p className="warn-banner">
              {preview.errors.some((e) => e.line === 1) || preview.validRows === 0
                ? 'Fix the file and preview again: nothing can be imported from it yet.'
                : 'Import skips these rows; fix them and import the file again later if needed.'}
            </p>
          )}
          <div className="dash-grid">
            {preview.errors.length > 0 && (
              <ChartCard
                title="Rows with errors"
                testId="import-errors"
                columns={errorColumns}
                rows={preview.errors}
                fileSuffix="preview"
                tableOnly
                rowTestId={(e) => `import-error-${e.line}-${e.column ?? ''}`}
              />
            )}
            <ChartCard
              title="Changes to existing products"
              testId="import-changes"
              columns={changeColumns(currency, locale)}
              rows={changeRows}
              fileSuffix="preview"
              tableOnly
              emptyText="No existing product changes."
            />
          </div>
        </div>
      )}
    </section>
  );
}
