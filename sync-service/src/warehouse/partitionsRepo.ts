// Creates the monthly fact partitions a batch needs before it writes (in their own short
// transaction, serialised by an advisory lock inside warehouse_ensure_month). Remembers what exists
// so the common case costs nothing.
import type { SqlClient } from './sqlClient';

export class MonthPartitions {
  private readonly known = new Set<string>();

  async ensure(db: SqlClient, months: readonly string[]): Promise<void> {
    for (const month of months) {
      if (this.known.has(month)) continue;
      await db.query('SELECT warehouse_ensure_month($1::date)', [month]);
      this.known.add(month);
    }
  }
}
