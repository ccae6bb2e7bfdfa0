// How the refund is paid out. The last row always takes what is left, so the tenders add up to
// the refund exactly; with one row it is simply the whole refund.
import { TENDER_TYPES, type Payment, type TenderType } from '../../../../shared/tender';
import { useMoney } from '../../state/settingsContext';
import { tenderLabel } from '../checkout/tenderKeys';

export interface TenderRow {
  tender: TenderType;
  text: string;
}

interface Props {
  rows: TenderRow[];
  total: number;
  onChange: (rows: TenderRow[]) => void;
}

/** The payments the rows describe, or an error in words. */
export const refundPayments = (
  rows: TenderRow[],
  total: number,
  parse: (t: string) => number | null,
): { ok: true; payments: Payment[] } | { ok: false; message: string } => {
  const payments: Payment[] = [];
  let rest = total;
  for (const [i, row] of rows.entries()) {
    const amount = i === rows.length - 1 ? rest : parse(row.text);
    if (amount === null || amount <= 0)
      return { ok: false, message: `Refund row ${i + 1}: type a positive amount.` };
    payments.push({ tender: row.tender, amount });
    rest -= amount;
  }
  return { ok: true, payments };
};

export function RefundTenders({ rows, total, onChange }: Props) {
  const money = useMoney();
  const others = rows.slice(0, -1).reduce((s, r) => s + (money.parse(r.text) ?? 0), 0);
  const set = (i: number, patch: Partial<TenderRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="refund-tenders">
      {rows.map((row, i) => (
        <div className="form-row" key={i}>
          <select
            value={row.tender}
            aria-label="Refund tender"
            data-testid={`refund-tender-${i}`}
            onChange={(e) => set(i, { tender: e.target.value as TenderType })}
          >
            {TENDER_TYPES.map((t) => (
              <option key={t} value={t}>
                {tenderLabel(t)}
              </option>
            ))}
          </select>
          {i === rows.length - 1 ? (
            <output className="refund-rest" data-testid={`refund-amount-${i}`}>
              {money.format(total - others)}
            </output>
          ) : (
            <input
              inputMode="decimal"
              aria-label="Refund amount"
              value={row.text}
              onChange={(e) => set(i, { text: e.target.value })}
            />
          )}
          {rows.length > 1 && (
            <button
              type="button"
              className="btn-ghost"
              aria-label="Remove tender"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="btn-ghost"
        onClick={() => onChange([{ tender: 'card', text: '' }, ...rows])}
      >
        + Split across tenders
      </button>
    </div>
  );
}
