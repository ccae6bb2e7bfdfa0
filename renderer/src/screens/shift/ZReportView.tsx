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
        Till {report.tillId} · {report.cashierName} · {when(report.openedAt)} –{' '}
        {open ? `now (${when(report.closedAt)})` : when(report.closedAt)}
      </p>
      <table className="data-table z-table">
        <tbody>
          {row('Opening float', 'openingFloat', report.openingFloat)}
          {row('Sales', 'salesCount', report.salesCount, false)}
          {row('Returns', 'returnsCount', report.returnsCount, false)}
          {row('Gross sales', 'grossSales', report.grossSales)}
          {row('Discounts', 'discounts', report.discounts)}
          {row('Returns total', 'returnsTotal', report.returnsTotal)}
          {row('Net sales', 'netSales', report.netSales)}
          {row('Tax', 'tax', report.tax)}
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
    </article>
  );
}
