// Carts live in SQLite from the moment they open, so a crash or power cut never loses the sale in
// progress. Lines keep a snapshot of the product as it was when scanned.
import type Database from 'better-sqlite3';
import type { CartStatus } from '../../../shared/api/types';
import type { Discount } from '../../../shared/pricing';
import type { ProductSnapshot } from '../sales/saleLines';

export interface CartRow {
  id: string;
  status: CartStatus;
  userId: string;
  openedAt: number;
  parkedAt: number | null;
  note: string;
  cartDiscount: Discount | null;
  /** The cart-discount share (bp) an owner approved; 0 when none. */
  approvedDiscountBp: number;
}

/** A cart line: the product as it will be sold (sales/saleLines.ts), and what may still change. */
export interface CartLineRow extends ProductSnapshot {
  lineNo: number;
  catalogPrice: number;
  quantity: number;
  lineDiscount: Discount | null;
  /** The line-discount share (bp) an owner approved; 0 when none. */
  approvedDiscountBp: number;
}

interface RawCart {
  id: string;
  status: CartStatus;
  user_id: string;
  opened_at: number;
  parked_at: number | null;
  note: string;
  cart_discount: string | null;
  approved_discount_bp: number;
}

interface RawLine {
  line_no: number;
  product_id: string;
  sku: string;
  name: string;
  category: string;
  sub_category: string;
  unit_price: number;
  catalog_price: number;
  quantity: number;
  tax_rate_bp: number;
  line_discount: string | null;
  approved_discount_bp: number;
}

const parseDiscount = (json: string | null): Discount | null =>
  json ? (JSON.parse(json) as Discount) : null;

export const cartRepo = (db: Database.Database) => {
  const insert = db.prepare<[string, string, number, number]>(
    "INSERT INTO carts (id, status, user_id, opened_at, updated_at) VALUES (?, 'open', ?, ?, ?)",
  );
  const get = db.prepare<[string], RawCart>('SELECT * FROM carts WHERE id = ?');
  const lines = db.prepare<[string], RawLine>(
    'SELECT * FROM cart_lines WHERE cart_id = ? ORDER BY line_no',
  );
  const byStatus = db.prepare<[CartStatus], RawCart>(
    'SELECT * FROM carts WHERE status = ? ORDER BY opened_at',
  );
  const setStatus = db.prepare<[CartStatus, number, string]>(
    'UPDATE carts SET status = ?, updated_at = ? WHERE id = ?',
  );
  const park = db.prepare<[number, string, number, string]>(
    "UPDATE carts SET status = 'parked', parked_at = ?, note = ?, updated_at = ? WHERE id = ?",
  );
  const setDiscount = db.prepare<[string | null, number, string]>(
    'UPDATE carts SET cart_discount = ?, updated_at = ? WHERE id = ?',
  );
  const nextLineNo = db.prepare<[string], { n: number }>(
    'SELECT coalesce(max(line_no), 0) + 1 AS n FROM cart_lines WHERE cart_id = ?',
  );
  const insertLine = db.prepare(
    `INSERT INTO cart_lines (cart_id, line_no, product_id, sku, name, category, sub_category, unit_price,
       catalog_price, quantity, tax_rate_bp, line_discount)
     VALUES (@cartId, @lineNo, @productId, @sku, @name, @category, @subCategory, @unitPrice,
       @catalogPrice, @quantity, @taxRateBp, NULL)`,
  );
  const setQuantity = db.prepare<[number, string, number]>(
    'UPDATE cart_lines SET quantity = ? WHERE cart_id = ? AND line_no = ?',
  );
  const setLineDiscount = db.prepare<[string | null, string, number]>(
    'UPDATE cart_lines SET line_discount = ? WHERE cart_id = ? AND line_no = ?',
  );
  const setPrice = db.prepare<[number, string, number]>(
    'UPDATE cart_lines SET unit_price = ? WHERE cart_id = ? AND line_no = ?',
  );
  const approveCart = db.prepare<[number, string]>(
    'UPDATE carts SET approved_discount_bp = ? WHERE id = ?',
  );
  const approveLine = db.prepare<[number, string, number]>(
    'UPDATE cart_lines SET approved_discount_bp = ? WHERE cart_id = ? AND line_no = ?',
  );
  const removeLine = db.prepare<[string, number]>(
    'DELETE FROM cart_lines WHERE cart_id = ? AND line_no = ?',
  );

  const toCart = (r: RawCart): CartRow => ({
    id: r.id,
    status: r.status,
    userId: r.user_id,
    openedAt: r.opened_at,
    parkedAt: r.parked_at,
    note: r.note,
    cartDiscount: parseDiscount(r.cart_discount),
    approvedDiscountBp: r.approved_discount_bp,
  });

  return {
    open: (id: string, userId: string, at: number): void => void insert.run(id, userId, at, at),
    get: (id: string): CartRow | null => {
      const r = get.get(id);
      return r ? toCart(r) : null;
    },
    lines: (id: string): CartLineRow[] =>
      lines.all(id).map((l) => ({
        lineNo: l.line_no,
        productId: l.product_id,
        sku: l.sku,
        name: l.name,
        category: l.category,
        subCategory: l.sub_category,
        unitPrice: l.unit_price,
        catalogPrice: l.catalog_price,
        quantity: l.quantity,
        taxRateBp: l.tax_rate_bp,
        lineDiscount: parseDiscount(l.line_discount),
        approvedDiscountBp: l.approved_discount_bp,
      })),
    withStatus: (status: CartStatus): CartRow[] => byStatus.all(status).map(toCart),
    setStatus: (id: string, status: CartStatus, at: number): void =>
      void setStatus.run(status, at, id),
    park: (id: string, note: string, at: number): void => void park.run(at, note, at, id),
    setCartDiscount: (id: string, d: Discount | null, at: number): void =>
      void setDiscount.run(d ? JSON.stringify(d) : null, at, id),
    addLine: (
      cartId: string,
      line: Omit<CartLineRow, 'lineNo' | 'lineDiscount' | 'approvedDiscountBp'>,
    ): number => {
      const lineNo = nextLineNo.get(cartId)!.n;
      insertLine.run({ cartId, lineNo, ...line });
      return lineNo;
    },
    setQuantity: (cartId: string, lineNo: number, q: number): boolean =>
      setQuantity.run(q, cartId, lineNo).changes > 0,
    setLineDiscount: (cartId: string, lineNo: number, d: Discount | null): boolean =>
      setLineDiscount.run(d ? JSON.stringify(d) : null, cartId, lineNo).changes > 0,
    setUnitPrice: (cartId: string, lineNo: number, price: number): boolean =>
      setPrice.run(price, cartId, lineNo).changes > 0,
    approveCartDiscount: (id: string, bp: number): void => void approveCart.run(bp, id),
    approveLineDiscount: (cartId: string, lineNo: number, bp: number): void =>
      void approveLine.run(bp, cartId, lineNo),
    removeLine: (cartId: string, lineNo: number): boolean =>
      removeLine.run(cartId, lineNo).changes > 0,
  };
};
export type CartRepo = ReturnType<typeof cartRepo>;
