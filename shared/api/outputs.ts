import type {
  ClosedShift,
  Cart,
  ImportPreview,
  ReceiptMatch,
  ImportResult,
  OutboxStatus,
  ParkedCartSummary,
  Product,
  Receipt,
  Session,
  SetupStatus,
  ShiftSummary,
  StockMoveRow,
  StockRow,
  StoreSettings,
  User,
  ZReport,
} from './types';
import type { DashboardHq, DashboardToday, DashboardTrends } from './dashboard';
import type { SyncStatus } from './sync';
import type { HistoryImportOutputs } from './historyImport';

/** What each method returns inside `{ ok: true, value }`. */
export interface ApiOutputs extends HistoryImportOutputs {
  'setup-status': SetupStatus;
  'setup-init': StoreSettings;
  'settings-get': StoreSettings;
  'settings-update': StoreSettings;
  'auth-login': Session;
  'auth-logout': null;
  'auth-current': Session | null;
  'users-list': User[];
  'users-create': User;
  'users-update': User;
  'catalog-search': Product[];
  'catalog-list': { items: Product[]; total: number };
  'catalog-categories': string[];
  'catalog-upsert': Product;
  'catalog-import-preview': ImportPreview;
  'catalog-import-commit': ImportResult;
  'cart-open': Cart;
  'cart-get': Cart;
  'cart-add-item': Cart;
  'cart-set-quantity': Cart;
  'cart-remove-line': Cart;
  'cart-set-line-discount': Cart;
  'cart-set-cart-discount': Cart;
  'cart-override-price': Cart;
  'cart-park': null;
  'cart-list-parked': ParkedCartSummary[];
  'cart-resume': Cart;
  'cart-void': null;
  'cart-checkout': Receipt;
  'sale-receipt': Receipt;
  'sale-search': ReceiptMatch[];
  /** Electron prints or returns a PDF path; browser mode answers `{ printed: false }` and the UI uses window.print(). */
  'sale-print': { printed: boolean; pdfPath: string | null };
  'return-create': Receipt;
  'stock-list': { items: StockRow[]; total: number };
  'stock-moves': StockMoveRow[];
  'stock-receive': { moves: number };
  'stock-adjust': { onHand: number };
  'shift-current': ShiftSummary | null;
  'shift-open': ShiftSummary;
  'shift-cash-move': ShiftSummary;
  'shift-close': ZReport;
  'shift-z-report': ZReport;
  'shift-join': ShiftSummary;
  'shift-closed-list': ClosedShift[];
  'outbox-status': OutboxStatus;
  'dashboard-today': DashboardToday;
  /** Electron: `saved` is false when the owner cancels the dialog. Browser mode saves a blob instead. */
  'dashboard-csv-save': { saved: boolean; path: string | null };
  'dashboard-trends': DashboardTrends;
  'dashboard-hq-connect': { hqUrl: string; stores: number; email: string };
  'dashboard-hq-disconnect': null;
  'dashboard-hq': DashboardHq;
  'sync-enroll': SyncStatus;
  'sync-status': SyncStatus;
  'sync-now': SyncStatus;
  'sync-dismiss-rejected': SyncStatus;
  'sync-disconnect': SyncStatus;
}
