// Per-product sales history (product page, returns by product) without scanning every line.
import type Database from 'better-sqlite3';

export const up = (db: Database.Database): void => {
  db.exec(`CREATE INDEX sale_lines_by_product ON sale_lines (product_id);`);
};
