// Editing one product of the master catalog, or adding one. Prices are typed in the chosen
// currency's decimals; the snapshot schema of the contract checks the result before it is sent.
import { useState, type FormEvent } from 'react';
import {
  catalogProductRequestSchema,
  newCatalogProductRequestSchema,
  type CatalogProductRow,
} from '../../../shared/console/consoleApi';
import { Dialog } from '../../src/components/Dialog';
import { ConsoleForm } from '../parts/ConsoleForm';
import { Field } from '../parts/Field';
import { validate, type FieldErrors } from '../parts/fieldErrors';
import { useFormSend } from '../parts/useFormSend';
import { useSession } from '../state/sessionContext';
import {
  draftFieldOf,
  draftOf,
  emptyDraft,
  productOfDraft,
  type ProductDraft,
} from './productDraft';

interface Props {
  row: CatalogProductRow | null;
  currency: string;
  onClose: () => void;
  onSaved: () => void;
}

const TEXT_FIELDS: {
  field: Exclude<keyof ProductDraft, 'active'>;
  label: string;
  hint?: string;
}[] = [
  { field: 'sku', label: 'SKU' },
  { field: 'name', label: 'Name' },
  { field: 'category', label: 'Category' },
  { field: 'subCategory', label: 'Sub-category' },
  { field: 'barcodes', label: 'Barcodes', hint: 'several separated by |' },
  { field: 'price', label: 'Price' },
  { field: 'taxRate', label: 'Tax rate (%)' },
  { field: 'reorderLevel', label: 'Reorder level' },
  { field: 'leadTimeDays', label: 'Lead time (days)' },
];

export function ProductFormDialog({ row, currency, onClose, onSaved }: Props) {
  const { api } = useSession();
  const [draft, setDraft] = useState<ProductDraft>(() =>
    row ? draftOf(row.product, currency) : emptyDraft(),
  );
  const { errors, setErrors, failure, setFailure, busy, send } = useFormSend();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const parsed = productOfDraft(draft, currency);
    if (!parsed.ok) return setErrors(parsed.errors);
    const v = row
      ? validate(catalogProductRequestSchema, { ...parsed.value, productId: row.product.productId })
      : validate(newCatalogProductRequestSchema, parsed.value);
    if (!v.ok) {
      const mapped: FieldErrors = {};
      for (const [k, m] of Object.entries(v.errors)) mapped[draftFieldOf(k)] = m;
      return setErrors(mapped);
    }
    setErrors({});
    await send(
      () =>
        row
          ? api.saveProduct({ ...parsed.value, productId: row.product.productId })
          : api.addProduct(parsed.value),
      onSaved,
    );
  };

  return (
    <Dialog
      title={row ? `Edit ${row.product.name}` : 'Add a product'}
      testId="product-form"
      onClose={onClose}
      wide
    >
      <ConsoleForm
        onSubmit={submit}
        onCancel={onClose}
        failure={failure}
        failureTestId="product-form-error"
        submitLabel={row ? 'Save' : 'Add product'}
        submitTestId="product-form-submit"
        busy={busy}
        grid
      >
        {TEXT_FIELDS.map(({ field, label, hint }) => (
          <Field
            key={field}
            label={field === 'price' ? `${label} (${currency})` : label}
            testId={`product-form-${field}`}
            error={errors[field]}
            {...(hint ? { hint } : {})}
          >
            {(a) => (
              <input
                value={draft[field]}
                inputMode={
                  field === 'price' || field === 'taxRate'
                    ? 'decimal'
                    : field === 'reorderLevel' || field === 'leadTimeDays'
                      ? 'numeric'
                      : undefined
                }
                onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
                {...a}
              />
            )}
          </Field>
        ))}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.active}
            data-testid="product-form-active"
            onChange={(e) => setDraft((d) => ({ ...d, active: e.target.checked }))}
          />
          Active (sold at the tills)
        </label>
      </ConsoleForm>
    </Dialog>
  );
}
