// The HTTP contract of the HQ console (`/v1/console/...` on the sync service), used by the console
// web app (renderer/console) and by the sync service's routes; both validate with these schemas.
// People sign in with an email and a password; the session lives in an HttpOnly, SameSite=Strict
// cookie and every write carries the session's CSRF token in the `x-csrf-token` header. Figures
// are read from the analytics API (`/v1/analytics/...`, shared/sync/analyticsApi.ts), which
// accepts the same session cookie. Errors are `{ code, message }` like every other route.
import { z } from 'zod';
import { productSnapshotSchema, type ProductSnapshot } from '../events/catalog';
import { currencySchema, idSchema } from '../events/common';
import { storableString } from '../events/text';
import { storeDetailsShape, type Store } from '../sync/gatewayApi';

/** A newest-first page of a bigint-keyed list: the rows before id `before`, `limit` of them. */
const newestFirstPageSchema = (maxLimit: number, defaultLimit: number) =>
  z.object({
    before: z
      .string()
      .regex(/^\d{1,18}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
  });

export const CONSOLE_SESSION_COOKIE = 'hq_session';
export const CSRF_HEADER = 'x-csrf-token';

// ---- Roles and what each may do ----------------------------------------------------------------

export const CONSOLE_ROLES = ['admin', 'manager', 'analyst'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

export const CONSOLE_PERMISSIONS = {
  /** Figures, stores and tills lists, sync health. */
  'figures.read': ['admin', 'manager', 'analyst'],
  'stores.write': ['admin', 'manager'],
  'tills.write': ['admin', 'manager'],
  'catalog.read': ['admin', 'manager', 'analyst'],
  'catalog.write': ['admin', 'manager'],
  'ops.read': ['admin', 'manager'],
  'ops.write': ['admin', 'manager'],
  'accounts.manage': ['admin'],
  'audit.read': ['admin'],
} as const satisfies Record<string, readonly ConsoleRole[]>;
export type ConsolePermission = keyof typeof CONSOLE_PERMISSIONS;

export const can = (role: ConsoleRole, permission: ConsolePermission): boolean =>
  (CONSOLE_PERMISSIONS[permission] as readonly ConsoleRole[]).includes(role);

/** Error codes of console answers beside the gateway's (BAD_REQUEST, NOT_FOUND, CONFLICT, ...). */
export const CONSOLE_ERROR_CODES = [
  'UNAUTHENTICATED', // 401: no or expired session
  'LOGIN_FAILED', // 401: wrong email or password (never says which)
  'LOCKED_OUT', // 429 + Retry-After: too many failed logins for this account or address
  'CSRF_REJECTED', // 403: a write without the session's x-csrf-token
  'FORBIDDEN', // 403: the role may not do this
] as const;
export type ConsoleErrorCode = (typeof CONSOLE_ERROR_CODES)[number];

// ---- Sessions (no CSRF on login: there is no session yet) ------------------------------------------

const emailSchema = z.string().trim().toLowerCase().email().max(254);
/** At least 10 characters; no other composition rules (NIST SP 800-63B). */
export const passwordSchema = z.string().min(10, 'use at least 10 characters').max(200);

/** POST /v1/console/auth/login → 200 SessionInfo and the session cookie. */
export const loginRequestSchema = z.object({ email: emailSchema, password: z.string().max(200) });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export interface ConsoleUser {
  userId: string;
  email: string;
  name: string;
  role: ConsoleRole;
}

/** GET /v1/console/session, and the login answer. */
export interface SessionInfo {
  user: ConsoleUser;
  csrfToken: string;
  expiresAt: number;
}
// POST /v1/console/auth/logout → 204 (this session); POST /v1/console/auth/logout-everywhere → 204
// (every session of this person). POST /v1/console/auth/password changes one's own password and
// ends the person's other sessions.
export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().max(200),
  newPassword: passwordSchema,
});

// ---- Accounts (admin) -------------------------------------------------------------------------

export interface ConsoleAccount extends ConsoleUser {
  createdAt: number;
  lastLoginAt: number | null;
  disabled: boolean;
  lockedUntil: number | null;
}
/** GET /v1/console/accounts → { accounts } */
export interface AccountsResponse {
  accounts: ConsoleAccount[];
}
/** POST /v1/console/accounts → ConsoleAccount */
export const createAccountRequestSchema = z.object({
  email: emailSchema,
  name: storableString().trim().min(1).max(100),
  role: z.enum(CONSOLE_ROLES),
  password: passwordSchema,
});
/** PATCH /v1/console/accounts/:userId → ConsoleAccount. Disabling ends the person's sessions. */
export const updateAccountRequestSchema = z.object({
  name: storableString().trim().min(1).max(100).optional(),
  role: z.enum(CONSOLE_ROLES).optional(),
  disabled: z.boolean().optional(),
  password: passwordSchema.optional(),
  /** Clears a lockout after failed logins. */
  unlock: z.literal(true).optional(),
});

// ---- Audit log (admin) --------------------------------------------------------------------------

export interface AuditEntry {
  id: string;
  at: number;
  /** Null for the command line (create-admin) and the automation token. */
  userId: string | null;
  actor: string;
  /** e.g. store.create, till.revoke, catalog.import, account.update, dead-letter.retry */
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}
/** GET /v1/console/audit?before=<id>&limit=<n> → { entries } newest first; /audit.csv → text/csv */
export const auditQuerySchema = newestFirstPageSchema(500, 100);
export interface AuditResponse {
  entries: AuditEntry[];
}

// ---- Stores and tills -------------------------------------------------------------------------

/** A till is overdue when it has not pushed for this long (it may simply be offline). */
export const TILL_OVERDUE_MS = 60 * 60 * 1000;

export interface StoreHealth {
  tills: number;
  activeTills: number;
  overdueTills: number;
  /** Newest accepted push of any of the store's tills (UTC ms). */
  lastPushAt: number | null;
  /** Events the gateway accepted today (the store's local day). */
  eventsToday: number;
  /** Ledger events from a history import (payload.importRef): past sales, not today's trade. */
  importedEvents: number;
  /** Ledger events applied over a month after they occurred (a long offline till, or its clock). */
  lateEvents: number;
}
export interface ConsoleStore extends Store {
  code: string;
  health: StoreHealth;
}
/** GET /v1/console/stores → { stores } */
export interface StoresResponse {
  stores: ConsoleStore[];
  serverTime: number;
}
/** POST /v1/console/stores → ConsoleStore */
export const consoleStoreRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,32}$/, 'letters, digits, . _ - (at most 32)'),
  ...storeDetailsShape,
});
export type ConsoleStoreRequest = z.input<typeof consoleStoreRequestSchema>;
/** PATCH /v1/console/stores/:storeId → ConsoleStore. Currency and time zone: 409 once it has sales. */
export const consoleStoreUpdateSchema = consoleStoreRequestSchema.partial();

export type TillStatus = 'awaiting-enrollment' | 'active' | 'revoked';
export interface ConsoleTill {
  tillId: string;
  storeId: string;
  name: string;
  status: TillStatus;
  createdAt: number;
  enrolledAt: number | null;
  revokedAt: number | null;
  lastPushAt: number | null;
  overdue: boolean;
  eventsToday: number;
  /** Highest catalog version the till has pulled, and when. */
  catalogVersion: number | null;
  catalogPulledAt: number | null;
}
/** GET /v1/console/stores/:storeId/tills → { tills } */
export interface TillsResponse {
  tills: ConsoleTill[];
  serverTime: number;
}
/** POST /v1/console/stores/:storeId/tills */
export const consoleTillRequestSchema = z.object({ name: storableString().trim().min(1).max(200) });
/**
 * Answer of adding a till and of POST /v1/console/tills/:tillId/enrollment-code (which revokes the
 * till's current token). The code is shown once; HQ stores only its hash.
 */
export interface TillEnrollment {
  storeId: string;
  tillId: string;
  tillName: string;
  enrollmentCode: string;
  expiresAt: number;
  /** The address a till must use to reach this sync service. */
  syncUrl: string;
  /** enrollmentQrText(syncUrl, code): what the QR code holds. */
  qrText: string;
}
// POST /v1/console/tills/:tillId/revoke → ConsoleTill (its next push gets 401).

/** The text of an enrollment QR code: one line a till can also paste into its Connect screen. */
export const enrollmentQrText = (syncUrl: string, code: string): string =>
  `counterline-enroll:${JSON.stringify({ url: syncUrl, code })}`;

export const parseEnrollmentQrText = (text: string): { url: string; code: string } | null => {
  const prefix = 'counterline-enroll:';
  const trimmed = text.trim();
  if (!trimmed.startsWith(prefix)) return null;
  try {
    const parsed = z
      .object({ url: z.string().min(1).max(500), code: z.string().min(1).max(100) })
      .safeParse(JSON.parse(trimmed.slice(prefix.length)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

// ---- Master catalog -----------------------------------------------------------------------------

/** GET /v1/console/catalog/products?q=&page=&pageSize= : searched in Postgres, never all at once. */
export const catalogSearchQuerySchema = z.object({
  q: storableString().trim().max(100).default(''),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export interface CatalogProductRow {
  product: ProductSnapshot;
  version: number;
  updatedAt: number;
}
export interface CatalogSearchResponse {
  items: CatalogProductRow[];
  /** Matches of the query (exact up to 10,000, then an estimate flagged by totalIsEstimate). */
  total: number;
  totalIsEstimate: boolean;
  page: number;
  pageSize: number;
  catalogVersion: number;
}
/** PUT /v1/console/catalog/products/:productId (productId in the path must match) → CatalogProductRow */
export const catalogProductRequestSchema = productSnapshotSchema;
/** POST /v1/console/catalog/products (new product; productId generated) → CatalogProductRow */
export const newCatalogProductRequestSchema = productSnapshotSchema.omit({ productId: true });

/** POST /v1/console/catalog/import/preview and /v1/console/catalog/import: the till's CSV columns. */
export const catalogImportRequestSchema = z.object({
  csv: z.string().min(1).max(20_000_000),
  /** ISO 4217 currency the prices are written in (decides the minor unit). */
  currency: currencySchema,
});
export interface CatalogImportRowError {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  column: string | null;
  message: string;
}
export interface CatalogFieldChange {
  field: keyof ProductSnapshot;
  before: unknown;
  after: unknown;
}
export interface CatalogImportPreview {
  totalRows: number;
  validRows: number;
  creates: number;
  updates: number;
  unchanged: number;
  errors: CatalogImportRowError[];
  /** The first rows that change an existing product, field by field. */
  changes: { line: number; sku: string; fields: CatalogFieldChange[] }[];
}
/**
 * Import answer: the valid rows are written, rows with errors are skipped and listed (as the
 * till's import does). Nothing is written when the header is unusable or no row is valid (422
 * with the preview).
 */
export interface CatalogImportResult {
  created: number;
  updated: number;
  unchanged: number;
  catalogVersion: number;
  /** Rows not imported because of the errors listed. */
  skipped: number;
  errors: CatalogImportRowError[];
}
/** GET /v1/console/catalog/tills → which till has pulled which version. */
export interface CatalogTillsResponse {
  catalogVersion: number;
  tills: {
    storeId: string;
    storeName: string;
    tillId: string;
    tillName: string;
    pulledVersion: number | null;
    pulledAt: number | null;
  }[];
}

// ---- Operations -----------------------------------------------------------------------------------

export interface DeadLetterRow {
  id: string;
  topic: string;
  partition: number;
  offset: string;
  recordIndex: number;
  eventId: string | null;
  storeId: string | null;
  code: string;
  reason: string;
  /** The event's raw JSON (cut at 20,000 characters). */
  event: string | null;
  createdAt: number;
  retriedAt: number | null;
  /** What the last retry did: applied, still invalid (and why), ... */
  retryOutcome: string | null;
}
/** GET /v1/console/ops/dead-letters?before=<id>&limit=<n> → { items, total } newest first */
export const deadLettersQuerySchema = newestFirstPageSchema(200, 50);
export interface DeadLettersResponse {
  items: DeadLetterRow[];
  total: number;
}
/** POST /v1/console/ops/dead-letters/:id/retry → the letter after the retry (audit-logged). */
export interface DeadLetterRetryResponse {
  outcome: 'republished' | 'still-invalid';
  message: string;
  letter: DeadLetterRow;
}
/** GET /v1/console/ops/health */
export interface OpsHealthResponse {
  checkedAt: number;
  kafka: { ok: boolean; message: string };
  postgres: { ok: boolean; message: string };
  /** Messages not yet applied by the warehouse consumer group, null when Kafka did not answer. */
  consumerLag: { total: number; partitions: { partition: number; lag: number }[] } | null;
  deadLetters: number;
}

export const consoleIdSchema = idSchema;

// ---- Security -------------------------------------------------------------------------------------

/** Where and when a till reported something: the first columns of the security and void lists. */
export interface TillReportRow {
  eventId: string;
  storeId: string;
  storeName: string | null;
  tillId: string;
  tillName: string | null;
  occurredAt: number;
}

/** One wrong PIN typed at a till (a pin_failed event). */
export interface PinFailureRow extends TillReportRow {
  /** Sign-in screen, or an owner-approval dialog. */
  attempt: 'login' | 'owner_pin';
  /** The user whose PIN was tried at sign-in (null: owner PIN or an unknown user). */
  userId: string | null;
  userName: string | null;
  /** Who was signed in when an owner PIN was tried. */
  signedInUserId: string | null;
  /** Consecutive failures at that till for that user (or the owner PIN), this one included. */
  failures: number;
  /** Until when the till refuses that PIN, null when not locked. */
  lockedUntil: number | null;
}
/** GET /v1/console/security/pin-failures?storeId=<id>&limit=<n> → { items } newest first */
export const pinFailuresQuerySchema = z.object({
  storeId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export interface PinFailuresResponse {
  items: PinFailureRow[];
}

/** One sale voided at a till before payment (a cart_void event). */
export interface CartVoidRow extends TillReportRow {
  cashierId: string;
  cashierName: string;
  /** The owner who approved a void above the store's limit (or voided it), null otherwise. */
  approverId: string | null;
  reason: string;
  currency: string;
  lineCount: number;
  /** What the sale would have taken, integer minor units of `currency`. */
  total: number;
}
/** GET /v1/console/security/voids?storeId=<id>&limit=<n> → { items } newest first */
export const cartVoidsQuerySchema = pinFailuresQuerySchema;
export interface CartVoidsResponse {
  items: CartVoidRow[];
}
