// The "Actions" column a writable list adds: one Edit button per row, found by its test id.
import type { Column } from '../../src/dashboard/ChartCard';

export const editColumn = <R,>(
  testIdOf: (row: R) => string,
  onEdit: (row: R) => void,
): Column<R> => ({
  label: 'Actions',
  csv: () => null,
  show: (row) => (
    <button type="button" data-testid={testIdOf(row)} onClick={() => onEdit(row)}>
      Edit
    </button>
  ),
});
