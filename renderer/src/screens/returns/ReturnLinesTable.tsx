import type { Receipt } from '../../../../shared/api';
import { returnableQuantity } from '../../format/returnRefund';
import { useMoney } from '../../state/settingsContext';

interface Props {
  receipt: Receipt;
  quantities: Map<number, string>;
  onChange: (lineNo: number, text: string) => void;
}

/** The sale's lines with what can still be returned, and the quantity to return now. */
export function ReturnLinesTable({ receipt, quantities, onChange }: Props) {
  const money = useMoney();
  return (
    <table className="data-table" data-testid="return-lines">
      <thead>
        <tr>
          <th>Item</th>
          <th className="num">Sold</th>
          <th className="num">Returned</th>
          <th className="num">Paid</th>
          <th className="num">Return now</th>
        </tr>
      </thead>
      <tbody>
        {receipt.lines.map((l) => {
          const max = returnableQuantity(l);
          const typed = Number(quantities.get(l.lineNo) ?? '0');
          return (
            <tr key={l.lineNo}>
              <td>
                {l.name} <span className="line-sku">{l.sku}</span>
              </td>
              <td className="num">{l.quantity}</td>
              <td className="num">{l.returnedQuantity}</td>
              <td className="num">{money.format(l.total)}</td>
              <td className="num">
                <input
                  className="qty-input"
                  inputMode="numeric"
                  aria-label={`Return quantity for ${l.name}`}
                  data-testid={`return-qty-${l.lineNo}`}
                  value={quantities.get(l.lineNo) ?? ''}
                  placeholder="0"
                  onChange={(e) => onChange(l.lineNo, e.target.value.replace(/\D/g, ''))}
                />
                <div className={typed > max ? 'hint hint-warn' : 'hint'}>max {max}</div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
