// Domain shapes returned by the till API (renderer <-> core). Inputs are zod schemas in the
// per-domain files; outputs are plain types, since the core produces them itself.
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

export interface StockRow {
  productId: string;
  sku: string;
  name: string;
  category: string;
  onHand: number;
  reorderLevel: number;
  leadTimeDays: number;
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
  discounts: Minor;
  /** Returns' totals as a negative amount. */
  returnsTotal: Minor;
  netSales: Minor;
  tax: Minor;
  /** Σ collected per tender, refunds subtracted, change subtracted from cash. */
  byTender: { tender: TenderType; amount: Minor }[];
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

export interface ImportPreview {
  totalRows: number;
  validRows: number;
  errors: ImportRowError[];
  sample: Record<string, string>[];
  /** Rows that would create new products vs update existing ones (catalog imports). */
  creates: number;
  updates: number;
}

export interface ImportResult {
  imported: number;
  created: number;
  updated: number;
}

export interface OutboxStatus {
  pending: number;
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
