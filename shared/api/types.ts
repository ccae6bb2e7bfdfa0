// Domain shapes returned by the till API (renderer <-> core). Inputs are zod schemas in the
// per-domain files; outputs are plain types, since the core produces them itself.
import type { StockLevel } from '../kpi';
import type { Minor } from '../money';
import type { Discount, TaxMode, CartTotals } from '../pricing';
import type { Payment, TenderType } from '../tender';

export type Role = 'cashier' | 'owner';

export interface User {
  id: string;
  name: string;
  role: Role;
  active: boolean;
}

export interface Session {
  user: User;
  /** Shift the user has open on this till, if any. */
  shiftId: string | null;
}

export interface StoreSettings {
  storeId: string;
  tillId: string;
  storeName: string;
  currency: string;
  locale: string;
  timeZone: string;
  taxMode: TaxMode;
  receiptHeader: string;
  /** A cashier's discount beyond this share of a line (bp) needs an owner PIN. */
  discountLimitBp: number;
  /** A refund above this amount needs an owner PIN. */
  refundLimit: Minor;
  /** Voiding a sale worth more than this needs an owner PIN. */
  voidApprovalLimit: Minor;
  /** Minutes without a key or touch after which the till locks and asks for a PIN (1–240). */
  idleLockMinutes: number;
}

export interface SetupStatus {
  initialised: boolean;
  hasDemoData: boolean;
  settings: StoreSettings | null;
}

export interface Product {
  id: string;
  sku: string;
  barcodes: string[];
  name: string;
  category: string;
  subCategory: string;
  unitPrice: Minor;
  taxRateBp: number;
  reorderLevel: number;
  leadTimeDays: number;
  active: boolean;
  onHand: number;
}

export interface CartLine {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  category: string;
  subCategory: string;
  unitPrice: Minor;
  /** Set when a price override replaced the catalog price. */
  catalogPrice: Minor;
  quantity: number;
  taxRateBp: number;
  lineDiscount: Discount | null;
  gross: Minor;
  discount: Minor;
  tax: Minor;
  net: Minor;
  total: Minor;
  /**
   * Stock on hand of the product when the cart was read (before this sale), so the cashier sees a
   * quantity above it; selling is still allowed. Absent where the reader did not look it up.
   */
  onHand?: number | null;
}

/** What an OWNER_APPROVAL_REQUIRED for a discount carries in `details`, for the approval box. */
export interface DiscountApprovalDetails {
  kind: 'discount';
  /** The line whose discount is above the limit; null for the sale discount. */
  lineNo: number | null;
  shareBp: number;
  /** The discount itself, in minor units. */
  amount: Minor;
  limitBp: number;
}

export type CartStatus = 'open' | 'parked' | 'voided' | 'completed';

export interface Cart {
  id: string;
  status: CartStatus;
  openedAt: number;
  note: string;
  lines: CartLine[];
  cartDiscount: Discount | null;
  totals: CartTotals;
}

export interface ParkedCartSummary {
  id: string;
  openedAt: number;
  parkedAt: number;
  note: string;
  lineCount: number;
  /** The first line's product name and quantity, so the cashier knows which sale it is. */
  firstItem: { name: string; quantity: number } | null;
  total: Minor;
}

export interface ReceiptLine {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  unitPrice: Minor;
  quantity: number;
  taxRateBp: number;
  gross: Minor;
  discount: Minor;
  tax: Minor;
  net: Minor;
  total: Minor;
  /** For sale receipts: units already returned against this line. */
  returnedQuantity: number;
}

export interface Receipt {
  kind: 'sale' | 'return';
  eventId: string;
  receiptNo: string;
  occurredAt: number;
  storeName: string;
  receiptHeader: string;
  cashierName: string;
  currency: string;
  taxMode: TaxMode;
  lines: ReceiptLine[];
  totals: CartTotals;
  payments: Payment[];
  change: Minor;
  /** For returns: the sale they refund. */
  originalReceiptNo: string | null;
}

export interface RecentSale {
  eventId: string;
  receiptNo: string;
  kind: 'sale' | 'return';
  occurredAt: number;
  total: Minor;
  cashierName: string;
}

/** A receipt found by the F5 search: the recent-sale facts and its first item's name. */
export interface ReceiptMatch extends RecentSale {
  firstItem: string | null;
}

export interface StockRow extends StockLevel {
  avgDailyUnits28d: number;
  daysOfCover: number | null;
  needsRefill: boolean;
  lastReceivedAt: number | null;
}

export interface StockMoveRow {
  id: string;
  productId: string;
  quantity: number;
  reason: string;
  note: string;
  occurredAt: number;
  userName: string;
}

export interface ShiftSummary {
  id: string;
  cashierId: string;
  cashierName: string;
  openedAt: number;
  closedAt: number | null;
  openingFloat: Minor;
  /** Everyone who works in the shift: the cashier who opened it, then those who joined it. */
  cashiers: { id: string; name: string }[];
  /** Whether the signed-in user opened or joined this shift (else: join it, or close it). */
  joinedBySignedInUser: boolean;
}

/** A closed shift in the list of past Z reports. */
export interface ClosedShift {
  id: string;
  cashierName: string;
  openedAt: number;
  closedAt: number;
  netSales: Minor;
  variance: Minor;
}

/** One cashier's part of a shift, for the Z report's per-cashier lines. */
export interface ZReportCashierLine {
  cashierId: string;
  cashierName: string;
  salesCount: number;
  /** What their sales took, tax included. */
  salesTotal: Minor;
  returnsCount: number;
  /** What their returns refunded, negative. */
  returnsTotal: Minor;
  voidsCount: number;
  voidsTotal: Minor;
}

export interface ZReport {
  shiftId: string;
  storeName: string;
  tillId: string;
  cashierName: string;
  openedAt: number;
  closedAt: number;
  currency: string;
  openingFloat: Minor;
  salesCount: number;
  returnsCount: number;
  /** Gross of sales (shelf terms, before discounts). */
  grossSales: Minor;
  /** The store's tax mode: whether tax is inside gross (inclusive) or charged on top. */
  taxMode: TaxMode;
  /** Discounts given on the shift's sales. */
  discounts: Minor;
  /**
   * Returns as a negative amount: what the returned items sold for after their discount, in shelf
   * terms (tax inside for an inclusive store, excluded for an exclusive one).
   */
  returnsTotal: Minor;
  netSales: Minor;
  tax: Minor;
  /** Σ collected per tender, refunds subtracted, change subtracted from cash. */
  byTender: { tender: TenderType; amount: Minor }[];
  /** Sales voided before payment in the shift, and what they would have taken. */
  voidsCount: number;
  voidsTotal: Minor;
  /** Per cashier who rang, returned or voided in the shift (several after a hand-over). */
  byCashier: ZReportCashierLine[];
  /** Who closed the shift (null on an X report of a shift still open). */
  closedByName: string | null;
  cashIn: Minor;
  cashOut: Minor;
  expectedCash: Minor;
  countedCash: Minor;
  variance: Minor;
}

export interface ImportRowError {
  line: number;
  column: string;
  reason: string;
}

/** One field an import row changes on an existing product (catalog imports). */
export interface ImportFieldChange {
  field: keyof Omit<Product, 'id' | 'onHand'>;
  before: string | number | boolean | string[];
  after: string | number | boolean | string[];
}

export interface ImportPreview {
  totalRows: number;
  validRows: number;
  errors: ImportRowError[];
  sample: Record<string, string>[];
  /** Rows that would create new products vs change existing ones (catalog imports). */
  creates: number;
  updates: number;
  /** Rows naming an existing product whose fields are already as the file says. */
  unchanged: number;
  /** The first updates, field by field (only the file's columns ever change). */
  changes: { line: number; sku: string; fields: ImportFieldChange[] }[];
}

/** An import writes the valid rows; the bad ones are reported and skipped. */
export interface ImportResult {
  imported: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows not imported because of the errors below. */
  skipped: number;
  errors: ImportRowError[];
}

export interface OutboxStatus {
  pending: number;
  /** Of the pending events, how many are sales (the rest: returns, stock, shifts, catalog…). */
  pendingSales: number;
  sent: number;
  rejected: number;
  lastSeq: number;
  lastSentAt: number | null;
  online: boolean | null;
  enrolled: boolean;
  /** HQ refused this till's token (revoked it): sales wait here until it is enrolled again. */
  needsReenrolment: boolean;
  rejectedEvents: { eventId: string; type: string; seq: number; reason: string; at: number }[];
}
