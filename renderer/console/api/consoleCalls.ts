// Every sync-service route the console calls, typed from the contracts (shared/console/
// consoleApi.ts, shared/sync/analyticsApi.ts), so a screen never spells a path or guesses a shape.
import type { z } from 'zod';
import type {
  AccountsResponse,
  AuditResponse,
  CatalogImportPreview,
  CatalogImportResult,
  CatalogProductRow,
  CatalogSearchResponse,
  CatalogTillsResponse,
  ConsoleAccount,
  ConsoleStore,
  ConsoleStoreRequest,
  ConsoleTill,
  DeadLetterRetryResponse,
  DeadLettersResponse,
  OpsHealthResponse,
  PinFailuresResponse,
  CartVoidsResponse,
  SessionInfo,
  StoresResponse,
  TillEnrollment,
  TillsResponse,
  createAccountRequestSchema,
  newCatalogProductRequestSchema,
  updateAccountRequestSchema,
} from '../../../shared/console/consoleApi';
import type { ProductSnapshot } from '../../../shared/events/catalog';
import type {
  BreakdownDimension,
  BreakdownResponse,
  LiveHourResponse,
  SummaryResponse,
  TillSyncResponse,
  TopProductsResponse,
} from '../../../shared/sync/analyticsApi';
import type { ConsoleClient } from './consoleClient';

/** Who the figures are for: the chain or one store. */
export type FigureScope = { scope: 'chain' } | { scope: 'store'; storeId: string };
export interface DayRange {
  from: string;
  to: string;
}

const scopeQuery = (s: FigureScope) =>
  s.scope === 'chain' ? { scope: 'chain' } : { scope: 'store', storeId: s.storeId };
const enc = encodeURIComponent;

export const consoleCalls = (c: ConsoleClient) => ({
  // Sessions
  session: () => c.get<SessionInfo>('/v1/console/session'),
  login: (email: string, password: string) =>
    c.send<SessionInfo>('POST', '/v1/console/auth/login', { email, password }),
  logout: () => c.send<null>('POST', '/v1/console/auth/logout'),
  logoutEverywhere: () => c.send<null>('POST', '/v1/console/auth/logout-everywhere'),
  changePassword: (currentPassword: string, newPassword: string) =>
    c.send<null>('POST', '/v1/console/auth/password', { currentPassword, newPassword }),

  // Stores and tills
  stores: () => c.get<StoresResponse>('/v1/console/stores'),
  createStore: (body: ConsoleStoreRequest) =>
    c.send<ConsoleStore>('POST', '/v1/console/stores', body),
  updateStore: (storeId: string, body: Partial<ConsoleStoreRequest>) =>
    c.send<ConsoleStore>('PATCH', `/v1/console/stores/${enc(storeId)}`, body),
  tills: (storeId: string) => c.get<TillsResponse>(`/v1/console/stores/${enc(storeId)}/tills`),
  addTill: (storeId: string, name: string) =>
    c.send<TillEnrollment>('POST', `/v1/console/stores/${enc(storeId)}/tills`, { name }),
  reissueCode: (tillId: string) =>
    c.send<TillEnrollment>('POST', `/v1/console/tills/${enc(tillId)}/enrollment-code`),
  revokeTill: (tillId: string) =>
    c.send<ConsoleTill>('POST', `/v1/console/tills/${enc(tillId)}/revoke`),

  // Master catalog
  searchCatalog: (q: string, page: number, pageSize: number) =>
    c.get<CatalogSearchResponse>('/v1/console/catalog/products', { q, page, pageSize }),
  saveProduct: (product: ProductSnapshot) =>
    c.send<CatalogProductRow>(
      'PUT',
      `/v1/console/catalog/products/${enc(product.productId)}`,
      product,
    ),
  addProduct: (product: z.input<typeof newCatalogProductRequestSchema>) =>
    c.send<CatalogProductRow>('POST', '/v1/console/catalog/products', product),
  previewImport: (csv: string, currency: string) =>
    c.send<CatalogImportPreview>('POST', '/v1/console/catalog/import/preview', { csv, currency }),
  runImport: (csv: string, currency: string) =>
    c.send<CatalogImportResult>('POST', '/v1/console/catalog/import', { csv, currency }),
  catalogTills: () => c.get<CatalogTillsResponse>('/v1/console/catalog/tills'),

  // Operations
  deadLetters: (before?: string) =>
    c.get<DeadLettersResponse>('/v1/console/ops/dead-letters', { before, limit: 50 }),
  retryDeadLetter: (id: string) =>
    c.send<DeadLetterRetryResponse>('POST', `/v1/console/ops/dead-letters/${enc(id)}/retry`),
  health: () => c.get<OpsHealthResponse>('/v1/console/ops/health'),
  pinFailures: (limit = 100) =>
    c.get<PinFailuresResponse>('/v1/console/security/pin-failures', { limit }),
  cartVoids: (limit = 100) => c.get<CartVoidsResponse>('/v1/console/security/voids', { limit }),

  // Accounts and audit (admin)
  accounts: () => c.get<AccountsResponse>('/v1/console/accounts'),
  createAccount: (body: z.input<typeof createAccountRequestSchema>) =>
    c.send<ConsoleAccount>('POST', '/v1/console/accounts', body),
  updateAccount: (userId: string, body: z.input<typeof updateAccountRequestSchema>) =>
    c.send<ConsoleAccount>('PATCH', `/v1/console/accounts/${enc(userId)}`, body),
  audit: (before?: string, limit = 50) =>
    c.get<AuditResponse>('/v1/console/audit', { before, limit }),

  // Figures (the analytics API accepts the session cookie)
  summary: (s: FigureScope, range: DayRange, grain: 'month' | 'year') =>
    c.get<SummaryResponse>('/v1/analytics/summary', { ...scopeQuery(s), ...range, grain }),
  breakdown: (s: FigureScope, range: DayRange, by: BreakdownDimension) =>
    c.get<BreakdownResponse>('/v1/analytics/breakdown', { ...scopeQuery(s), ...range, by }),
  topProducts: (s: FigureScope, range: DayRange, limit = 10) =>
    c.get<TopProductsResponse>('/v1/analytics/top-products', { ...scopeQuery(s), ...range, limit }),
  live: (s: FigureScope) => c.get<LiveHourResponse>('/v1/analytics/live', scopeQuery(s)),
  tillSync: (s: FigureScope) => c.get<TillSyncResponse>('/v1/analytics/tills', scopeQuery(s)),
});

export type ConsoleCalls = ReturnType<typeof consoleCalls>;

/** The change stream's address for a scope (EventSource sends the same-origin cookie). */
export const streamUrl = (s: FigureScope): string =>
  s.scope === 'chain'
    ? '/v1/analytics/stream?scope=chain'
    : `/v1/analytics/stream?scope=store&storeId=${enc(s.storeId)}`;

export const AUDIT_CSV_URL = '/v1/console/audit.csv';
