// Which column holds what: one select per field, pre-filled with the core's guess; the date format
// and the unknown-product policy are explicit choices.
import type { HistoryFileShape, HistoryMapping } from '../../../../shared/api';

export type MappingDraft = Partial<HistoryMapping>;

const FIELDS: { key: keyof HistoryMapping; label: string; required: boolean }[] = [
  { key: 'orderId', label: 'Order id', required: true },
  { key: 'occurredAt', label: 'Date / time', required: true },
  { key: 'product', label: 'Product (SKU or barcode)', required: true },
  { key: 'quantity', label: 'Quantity', required: true },
  { key: 'unitPrice', label: 'Unit price', required: true },
  { key: 'type', label: 'Type (order / return)', required: false },
  { key: 'productName', label: 'Product name', required: false },
  { key: 'category', label: 'Category', required: false },
  { key: 'store', label: 'Store', required: false },
  { key: 'customer', label: 'Customer', required: false },
  { key: 'originalOrderId', label: 'Original order (returns)', required: false },
];

export const completeMapping = (draft: MappingDraft): HistoryMapping | null => {
  const { orderId, occurredAt, product, quantity, unitPrice, dateFormat } = draft;
  if (!orderId || !occurredAt || !product || !quantity || !unitPrice || !dateFormat) return null;
  return {
    ...draft,
    orderId,
    occurredAt,
    product,
    quantity,
    unitPrice,
    dateFormat,
    delimiter: draft.delimiter ?? 'auto',
    unknownProducts: draft.unknownProducts ?? 'error',
  };
};

interface Props {
  file: HistoryFileShape;
  draft: MappingDraft;
  onChange: (next: MappingDraft) => void;
}

export function MappingForm({ file, draft, onChange }: Props) {
  const set = (patch: MappingDraft) => onChange({ ...draft, ...patch });
  return (
    <div className="form-grid" data-testid="history-mapping">
      {FIELDS.map((f) => (
        <label key={f.key}>
          {f.label}
          {f.required ? ' *' : ''}
          <select
            data-testid={`history-map-${f.key}`}
            value={(draft[f.key] as string | undefined) ?? ''}
            onChange={(e) => set({ [f.key]: e.target.value === '' ? undefined : e.target.value })}
          >
            <option value="">{f.required ? 'Choose a column' : '(none)'}</option>
            {file.columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        Date format *
        <select
          data-testid="history-date-format"
          value={draft.dateFormat ?? ''}
          onChange={(e) =>
            set({ dateFormat: (e.target.value || undefined) as HistoryMapping['dateFormat'] })
          }
        >
          <option value="">Choose a format</option>
          <option value="ymd-hm">2024-03-31 18:05</option>
          <option value="iso">ISO 8601 (2024-03-31T18:05+05:30)</option>
          <option value="dmy">31/03/2024 (day first)</option>
          <option value="mdy">03/31/2024 (month first)</option>
        </select>
      </label>
      <label>
        Unknown products
        <select
          data-testid="history-unknown-products"
          value={draft.unknownProducts ?? 'error'}
          onChange={(e) =>
            set({ unknownProducts: e.target.value as HistoryMapping['unknownProducts'] })
          }
        >
          <option value="error">Report as errors</option>
          <option value="create">Create them in the catalog</option>
        </select>
      </label>
    </div>
  );
}
