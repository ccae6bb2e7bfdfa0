// Owner: the catalog, paged and searchable, with create/edit and CSV import.
import { useCallback, useEffect, useState } from 'react';
import type { Product } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Pager } from '../../components/Pager';
import { ProductSearchBox } from '../../components/ProductSearchBox';
import { useMoney } from '../../state/settingsContext';
import { CsvImport } from './CsvImport';
import { ProductForm } from './ProductForm';

const PAGE = 50;

export function ProductsScreen() {
  const money = useMoney();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ items: Product[]; total: number }>({ items: [], total: 0 });
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await call('catalog-list', {
      query,
      offset,
      limit: PAGE,
      ...(category ? { category } : {}),
    });
    if (r.ok) setPage(r.value);
    else setError(errorText(r.error));
  }, [query, category, offset]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    void call('catalog-categories', {}).then((r) => r.ok && setCategories(r.value));
  }, []);

  return (
    <div className="page" data-testid="products-screen">
      <h1>Products</h1>
      <div className="form-row">
        <ProductSearchBox
          label="Search products"
          value={query}
          onChange={(q) => {
            setQuery(q);
            setOffset(0);
          }}
        />
        <select
          value={category}
          aria-label="Category"
          onChange={(e) => {
            setCategory(e.target.value);
            setOffset(0);
          }}
        >
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn-primary"
          data-testid="product-new"
          onClick={() => setEditing('new')}
        >
          New product
        </button>
      </div>
      <ErrorBanner message={error} testId="products-error" onDismiss={() => setError(null)} />
      <table className="data-table" data-testid="products-table">
        <thead>
          <tr>
            <th>SKU</th>
            <th>Name</th>
            <th>Category</th>
            <th className="num">Price</th>
            <th className="num">Tax</th>
            <th className="num">On hand</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((p) => (
            <tr key={p.id} className="clickable" onClick={() => setEditing(p)}>
              <td>{p.sku}</td>
              <td>{p.name}</td>
              <td>
                {p.category}
                {p.subCategory && ` / ${p.subCategory}`}
              </td>
              <td className="num">{money.format(p.unitPrice)}</td>
              <td className="num">{p.taxRateBp / 100}%</td>
              <td className="num">{p.onHand}</td>
              <td className="nowrap">{p.active ? 'On sale' : 'Inactive'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager offset={offset} limit={PAGE} total={page.total} onChange={setOffset} />
      <CsvImport onImported={() => void load()} />
      {editing && (
        <ProductForm
          product={editing === 'new' ? null : editing}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
