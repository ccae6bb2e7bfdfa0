// The HQ master catalog: searched and paged on the server (100,000 products never come to the
// browser), one product edited or added at a time, a CSV import with a preview, and which tills
// have pulled which catalog version. Read-only for analysts (no edit, add or import controls).
import { useMemo, useState } from 'react';
import type { CatalogProductRow } from '../../../shared/console/consoleApi';
import { formatMoney } from '../../../shared/money';
import { ErrorBanner } from '../../src/components/ErrorBanner';
import { Pager } from '../../src/components/Pager';
import { ChartCard, type Column } from '../../src/dashboard/ChartCard';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';
import { editColumn } from '../parts/editColumn';
import { CatalogImportPanel } from './CatalogImportPanel';
import { CatalogTillsCard } from './CatalogTillsCard';
import { ProductFormDialog } from './ProductFormDialog';
import { useDebounced } from './useDebounced';

const PAGE_SIZE = 50;
const SEARCH_PAUSE_MS = 250;

export function CatalogScreen() {
  const session = useSession();
  const { api, locale } = session;
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), SEARCH_PAUSE_MS);
  const [page, setPage] = useState({ q: '', n: 1 });
  // A new search starts at page 1.
  const pageNo = page.q === q ? page.n : 1;
  const search = useConsoleQuery(
    () => api.searchCatalog(q, pageNo, PAGE_SIZE),
    JSON.stringify([q, pageNo]),
  );
  const stores = useConsoleQuery(() => api.stores(), 'stores');
  const currencies = useMemo(
    () => [...new Set((stores.data?.stores ?? []).map((s) => s.currency))].sort(),
    [stores.data],
  );
  const [currency, setCurrency] = useState<string | null>(null);
  const cur = currency ?? currencies[0] ?? 'USD';
  const [editing, setEditing] = useState<CatalogProductRow | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [writes, setWrites] = useState(0);
  const writable = session.can('catalog.write');
  const tax = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), [locale]);

  const columns = useMemo((): Column<CatalogProductRow>[] => {
    const cols: Column<CatalogProductRow>[] = [
      { label: 'SKU', csv: (r) => r.product.sku },
      { label: 'Name', csv: (r) => r.product.name },
      { label: 'Category', csv: (r) => r.product.category },
      {
        label: `Price (${cur})`,
        csv: (r) => r.product.unitPrice,
        show: (r) => formatMoney(r.product.unitPrice, cur, locale),
        numeric: true,
      },
      {
        label: 'Tax',
        csv: (r) => r.product.taxRateBp / 100,
        show: (r) => `${tax.format(r.product.taxRateBp / 100)} %`,
        numeric: true,
      },
      { label: 'Active', csv: (r) => (r.product.active ? 'yes' : 'no') },
      { label: 'Version', csv: (r) => r.version, numeric: true },
    ];
    if (writable)
      cols.push(editColumn<CatalogProductRow>((r) => `product-edit-${r.product.sku}`, setEditing));
    return cols;
  }, [cur, locale, tax, writable]);

  return (
    <div className="console-screen" data-testid="catalog-screen">
      <h1>Catalog</h1>
      <div className="console-toolbar">
        <label className="console-search">
          Search
          <input
            type="search"
            value={text}
            placeholder="SKU, name, barcode or category"
            data-testid="catalog-search"
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        {currencies.length > 1 && (
          <label>
            Prices in
            <select
              value={cur}
              data-testid="catalog-currency"
              onChange={(e) => setCurrency(e.target.value)}
            >
              {currencies.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        )}
        {writable && (
          <>
            <button
              type="button"
              className="btn-primary"
              data-testid="product-add"
              onClick={() => setEditing('new')}
            >
              Add product
            </button>
            <button
              type="button"
              data-testid="catalog-import-open"
              onClick={() => setImporting((o) => !o)}
            >
              {importing ? 'Close import' : 'Import CSV'}
            </button>
          </>
        )}
      </div>
      {importing && writable && (
        <CatalogImportPanel
          currencies={currencies}
          defaultCurrency={cur}
          onImported={() => {
            search.reload();
            setWrites((w) => w + 1);
          }}
        />
      )}
      <ErrorBanner message={search.errorText} testId="catalog-error" />
      {search.data && (
        <>
          <ChartCard
            title="Products"
            testId="catalog-table"
            columns={columns}
            rows={search.data.items}
            fileSuffix={q ? `search-${q}-page-${pageNo}` : `page-${pageNo}`}
            tableOnly
            wide
            tall
            rowTestId={(r) => `product-row-${r.product.sku}`}
            emptyText={q ? `No product matches “${q}”.` : 'The catalog is empty.'}
            note={
              <span data-testid="catalog-version">
                Catalog version {search.data.catalogVersion}
                {search.loading && ' · searching…'}
              </span>
            }
          />
          <Pager
            testId="catalog-pager"
            offset={(search.data.page - 1) * search.data.pageSize}
            limit={search.data.pageSize}
            total={search.data.total}
            totalIsEstimate={search.data.totalIsEstimate}
            onChange={(offset) => setPage({ q, n: Math.floor(offset / PAGE_SIZE) + 1 })}
          />
        </>
      )}
      <CatalogTillsCard generation={writes} />
      {editing && (
        <ProductFormDialog
          row={editing === 'new' ? null : editing}
          currency={cur}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            search.reload();
            setWrites((w) => w + 1);
          }}
        />
      )}
    </div>
  );
}
