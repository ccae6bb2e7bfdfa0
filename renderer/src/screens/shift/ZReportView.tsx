// The Z report: every figure of the closed shift, printable.
import type { ZReport } from '../../../../shared/api';
import { useDateTime, useMoney } from '../../state/settingsContext';
import { tenderLabel } from '../checkout/tenderKeys';

export function ZReportView({ report }: { report: ZReport }) {
  const money = useMoney();
  const when = useDateTime();
  const row = (label: string, key: string, value: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="num" data-testid={`z-${key}`}>
        {value}
      </td>
    </tr>
  );
  return (
    <article className="card z-report print-area" data-testid="z-report">
      <h2>Z report · {report.storeName}</h2>
      <p>
        Till {report.tillId} · {report.cashierName} · {when(report.openedAt)} –{' '}
        {when(report.closedAt)}
      </p>
      <table className="data-table z-table">
        <tbody>
          {row('Opening float', 'openingFloat', money.format(report.openingFloat))}
          {row('Sales', 'salesCount', String(report.salesCount))}
          {row('Returns', 'returnsCount', String(report.returnsCount))}
          {row('Gross sales', 'grossSales', money.format(report.grossSales))}
          {row('Discounts', 'discounts', money.format(report.discounts))}
          {row('Returns total', 'returnsTotal', money.format(report.returnsTotal))}
          {row('Net sales', 'netSales', money.format(report.netSales))}
          {row('Tax', 'tax', money.format(report.tax))}
          {report.byTender.map((t) =>
            row(
              `Taken by ${tenderLabel(t.tender).toLowerCase()}`,
              `tender-${t.tender}`,
              money.format(t.amount),
            ),
          )}
          {row('Cash in', 'cashIn', money.format(report.cashIn))}
          {row('Cash out', 'cashOut', money.format(report.cashOut))}
          {row('Expected cash', 'expectedCash', money.format(report.expectedCash))}
          {row('Counted cash', 'countedCash', money.format(report.countedCash))}
          {row('Variance', 'variance', money.format(report.variance))}
        </tbody>
      </table>
    </article>
  );
}
