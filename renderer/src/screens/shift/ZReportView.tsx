// The Z report: every figure of the closed shift, printable. The same figures of a shift still open
// are its X report (a mid-shift reading): no cash has been counted yet, so no count or variance.
import type { ZReport } from '../../../../shared/api';
import { Money } from '../../components/Money';
import { useDateTime } from '../../state/settingsContext';
import { tenderLabel } from '../checkout/tenderKeys';

export function ZReportView({ report, open = false }: { report: ZReport; open?: boolean }) {
  const when = useDateTime();
  /** `data-value` carries the raw figure (minor units or a count) for checks to the minor unit. */
  const row = (label: string, key: string, value: number, isMoney = true) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td className="num" data-testid={`z-${key}`} data-value={value}>
        {isMoney ? <Money amount={value} /> : String(value)}
      </td>
    </tr>
  );
  return (
    <article className="card z-report print-area" data-testid="z-report">
      <h2>
        {open ? 'X report (shift still open)' : 'Z report'} · {report.storeName}
      </h2>
      <p>
        Till {report.tillId} · opened by {report.cashierName} · {when(report.openedAt)} –{' '}
        {open ? `now (${when(report.closedAt)})` : when(report.closedAt)}
        {report.closedByName && report.closedByName !== report.cashierName
          ? ` · closed by ${report.closedByName}`
          : ''}
      </p>
      <table className="data-table z-table">
        <tbody>
          {row('Opening float', 'openingFloat', report.openingFloat)}
          {row('Sales', 'salesCount', report.salesCount, false)}
          {row('Returns', 'returnsCount', report.returnsCount, false)}
          {row('Gross sales', 'grossSales', report.grossSales)}
          {row('Discounts', 'discounts', report.discounts)}
          {row('Returns (after their discount)', 'returnsTotal', report.returnsTotal)}
          {row(
            report.taxMode === 'exclusive' ? 'Tax (charged on top)' : 'Tax (included)',
            'tax',
            report.tax,
          )}
          {row('Net sales', 'netSales', report.netSales)}
          {row('Voided sales', 'voidsCount', report.voidsCount ?? 0, false)}
          {row('Voided value', 'voidsTotal', report.voidsTotal ?? 0)}
          {report.byTender.map((t) =>
            row(`Taken by ${tenderLabel(t.tender).toLowerCase()}`, `tender-${t.tender}`, t.amount),
          )}
          {row('Cash in', 'cashIn', report.cashIn)}
          {row('Cash out', 'cashOut', report.cashOut)}
          {row('Expected cash', 'expectedCash', report.expectedCash)}
          {!open && row('Counted cash', 'countedCash', report.countedCash)}
          {!open && row('Variance', 'variance', report.variance)}
        </tbody>
      </table>
      {(report.byCashier?.length ?? 0) > 1 && (
        <table className="data-table z-table" data-testid="z-by-cashier">
          <thead>
            <tr>
              <th scope="col">Cashier</th>
              <th scope="col" className="num">
                Sales
              </th>
              <th scope="col" className="num">
                Returns
              </th>
              <th scope="col" className="num">
                Voids
              </th>
            </tr>
          </thead>
          <tbody>
            {report.byCashier.map((c) => (
              <tr key={c.cashierId} data-testid={`z-cashier-${c.cashierId}`}>
                <th scope="row">{c.cashierName}</th>
                <td className="num" data-value={c.salesTotal}>
                  {c.salesCount} · <Money amount={c.salesTotal} />
                </td>
                <td className="num" data-value={c.returnsTotal}>
                  {c.returnsCount} · <Money amount={c.returnsTotal} />
                </td>
                <td className="num" data-value={c.voidsTotal}>
                  {c.voidsCount} · <Money amount={c.voidsTotal} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
