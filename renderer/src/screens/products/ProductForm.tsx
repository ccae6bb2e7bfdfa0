// Create or edit a product. Prices are typed as decimals and stored in minor units; the tax rate
// is typed as a percentage and stored in basis points.
import { useState, type FormEvent } from 'react';
import type { Product } from '../../../../shared/api';
import { apiInputs } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useMoney } from '../../state/settingsContext';

interface Props {
  product: Product | null;
  onSaved: (p: Product) => void;
  onClose: () => void;
}

const percentToBp = (text: string): number | null => {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
};

export function ProductForm({ product, onSaved, onClose }: Props) {
  const money = useMoney();
  const [f, setF] = useState({
    sku: product?.sku ?? '',
    barcodes: product?.barcodes.join(', ') ?? '',
    name: product?.name ?? '',
    category: product?.category ?? '',
    subCategory: product?.subCategory ?? '',
    price: product ? money.toInput(product.unitPrice) : '',
    taxPercent: product ? String(product.taxRateBp / 100) : '0',
    reorderLevel: String(product?.reorderLevel ?? 0),
    leadTimeDays: String(product?.leadTimeDays ?? 7),
    active: product?.active ?? true,
  });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof f, value: string | boolean) =>
    setF((s) => ({ ...s, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const unitPrice = money.parse(f.price);
    const taxRateBp = percentToBp(f.taxPercent);
    if (unitPrice === null || unitPrice < 0)
      return setError('Type the price as a number, like 1499.00.');
    if (taxRateBp === null) return setError('Type the tax rate as a percentage, like 5 or 12.5.');
    const fields = {
      sku: f.sku,
      name: f.name,
      category: f.category,
      subCategory: f.subCategory,
      unitPrice,
      taxRateBp,
      active: f.active,
      barcodes: f.barcodes
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
      reorderLevel: Number(f.reorderLevel),
      leadTimeDays: Number(f.leadTimeDays),
    };
    const parsed = apiInputs['catalog-upsert'].shape.product.safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return setError(`${String(issue?.path[0] ?? 'Field')}: ${issue?.message ?? 'invalid'}`);
    }
    const r = await call(
      'catalog-upsert',
      product ? { productId: product.id, product: parsed.data } : { product: parsed.data },
    );
    if (!r.ok) return setError(errorText(r.error));
    onSaved(r.value);
  };

  const text = (
    key: keyof typeof f,
    label: string,
    extra?: { inputMode?: 'decimal' | 'numeric' },
  ) => (
    <label>
      {label}
      <input
        value={String(f[key])}
        data-testid={`product-${key}`}
        inputMode={extra?.inputMode}
        onChange={(e) => set(key, e.target.value)}
      />
    </label>
  );

  return (
    <Dialog
      title={product ? `Edit ${product.name}` : 'New product'}
      testId="product-form"
      onClose={onClose}
      wide
    >
      <form onSubmit={(e) => void submit(e)} className="form-grid">
        {text('sku', 'SKU')}
        {text('name', 'Name')}
        {text('barcodes', 'Barcodes (comma separated)')}
        {text('category', 'Category')}
        {text('subCategory', 'Sub-category')}
        {text('price', `Price (${money.currency})`, { inputMode: 'decimal' })}
        {text('taxPercent', 'Tax rate %', { inputMode: 'decimal' })}
        {text('reorderLevel', 'Reorder level', { inputMode: 'numeric' })}
        {text('leadTimeDays', 'Lead time (days)', { inputMode: 'numeric' })}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={f.active}
            onChange={(e) => set('active', e.target.checked)}
          />
          On sale
        </label>
        <ErrorBanner message={error} testId="product-error" />
        <div className="dialog-actions">
          <button type="submit" className="btn-primary" data-testid="product-save">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
