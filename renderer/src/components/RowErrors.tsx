// The rows an import refused, as a table of line, column and problem: the product/stock CSV
// import and the history import list them alike.
import type { ImportRowError } from '../../../shared/api';

interface Props {
  errors: readonly ImportRowError[];
  testId: string;
  /** Show at most this many rows. */
  max?: number;
}

export function RowErrors({ errors, testId, max }: Props) {
  const shown = max === undefined ? errors : errors.slice(0, max);
  return (
    <table className="data-table" data-testid={testId}>
      <thead>
        <tr>
          <th>Line</th>
          <th>Column</th>
          <th>Problem</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((e, i) => (
          <tr key={i}>
            <td>{e.line}</td>
            <td>{e.column}</td>
            <td>{e.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
