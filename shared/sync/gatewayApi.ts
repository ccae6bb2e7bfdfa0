// The HTTP contract between a till (outbox relay, enrollment, catalog pull) and the sync-service
// gateway. Both sides validate with these schemas. Errors always have the body `{ code, message }`.
import { z } from 'zod';
import { productSnapshotSchema } from '../events/catalog';
import { currencySchema, idSchema } from '../events/common';
import { storableString } from '../events/text';

export const GATEWAY_LIMITS = {
  /** Events per POST /v1/events; more is answered 413 BATCH_TOO_LARGE. */
  maxEventsPerBatch: 1_000,
  /** Request body bytes for POST /v1/events; more is answered 413 BATCH_TOO_LARGE. */
  maxBatchBytes: 1_048_576,
  /** Products per PUT /v1/admin/catalog/products. */
  maxCatalogPut: 5_000,
  maxCatalogPage: 1_000,
  defaultCatalogPage: 500,
} as const;

/** Codes of error answers (non-2xx). The HTTP status is given beside each. */
export const GATEWAY_ERROR_CODES = [
  'BAD_JSON', // 400: body is not JSON
  'BAD_REQUEST', // 400: JSON of the wrong shape
  'UNAUTHENTICATED', // 401: missing or invalid bearer token
  'ENROLLMENT_CODE_INVALID', // 401: unknown, used or expired enrollment code
  'FORBIDDEN', // 403: a till sent an event of another store or till (the whole batch is refused)
  'NOT_FOUND', // 404
  'CONFLICT', // 409: id already taken
  'BATCH_TOO_LARGE', // 413: over maxEventsPerBatch events or maxBatchBytes bytes
  'UNSUPPORTED_MEDIA_TYPE', // 415: not application/json
  'RATE_LIMITED', // 429 + Retry-After: too many tries from this address (POST /v1/enroll)
  'TOO_MANY_STREAMS', // 429 + Retry-After: this till, or the server, has its cap of event streams open
  'INTERNAL', // 500
  'KAFKA_UNAVAILABLE', // 503 + Retry-After: nothing of the batch was reported accepted
  'DATABASE_UNAVAILABLE', // 503 + Retry-After
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

export const errorBodySchema = z.object({ code: z.string(), message: z.string() });
export type GatewayErrorBody = { code: GatewayErrorCode; message: string };

// ---- POST /v1/events (till bearer token) -------------------------------------------------------

export const pushRequestSchema = z.object({ events: z.array(z.unknown()) });
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Why one event of a batch was rejected; the rest of the batch is unaffected. */
export const PUSH_REJECTION_CODES = [
  'INVALID_EVENT',
  'UNSUPPORTED_SCHEMA_VERSION',
  // occurredAt later than the gateway's clock plus EVENT_MAX_FUTURE_SKEW_SECONDS (a till clock ahead)
  'EVENT_FROM_FUTURE',
] as const;
export type PushRejectionCode = (typeof PUSH_REJECTION_CODES)[number];

export const pushResultSchema = z.object({
  /** The event's id as sent ('' when the event had no string eventId). */
  eventId: z.string(),
  /** Position in the request's events array. */
  index: z.number().int().min(0),
  status: z.enum(['accepted', 'rejected']),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

/** Sent only after Kafka acknowledged every accepted event. A repeated event id is accepted again. */
export const pushResponseSchema = z.object({ results: z.array(pushResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---- Enrollment ----------------------------------------------------------------------------------

export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const placeSchema = storableString().trim().max(100);

/** POST /v1/admin/stores (admin token). storeId is generated when absent. */
/** A store's name, place, currency and time zone: what the admin API and the console both set. */
export const storeDetailsShape = {
  name: storableString().trim().min(1).max(200),
  city: placeSchema.default(''),
  region: placeSchema.default(''),
  country: placeSchema.default(''),
  currency: currencySchema,
  timeZone: z.string().min(1).max(64).refine(isTimeZone, 'unknown IANA time zone'),
};

export const createStoreRequestSchema = z.object({
  storeId: idSchema.optional(),
  ...storeDetailsShape,
});
export type CreateStoreRequest = z.input<typeof createStoreRequestSchema>;

export const storeSchema = z.object({
  storeId: z.string(),
  name: z.string(),
  city: z.string(),
  region: z.string(),
  country: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  createdAt: z.number().int(),
});
export type Store = z.infer<typeof storeSchema>;

export const listStoresResponseSchema = z.object({ stores: z.array(storeSchema) });

/** POST /v1/admin/stores/:storeId/tills (admin token). tillId is generated when absent. */
export const createTillRequestSchema = z.object({
  tillId: idSchema.optional(),
  name: storableString().trim().min(1).max(200),
});
export type CreateTillRequest = z.input<typeof createTillRequestSchema>;

export const createTillResponseSchema = z.object({
  storeId: z.string(),
  tillId: z.string(),
  /** One-time code for POST /v1/enroll; shown once, stored only as a hash. */
  enrollmentCode: z.string(),
  expiresAt: z.number().int(),
});
export type CreateTillResponse = z.infer<typeof createTillResponseSchema>;

/** POST /v1/enroll (no token): trades the one-time code for the till's long-lived token. */
export const enrollRequestSchema = z.object({ code: z.string().min(1).max(100) });
export const enrollResponseSchema = z.object({
  storeId: z.string(),
  tillId: z.string(),
  /** Bearer token for this till; returned once, stored only as a hash. */
  token: z.string(),
  store: storeSchema,
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

// ---- Catalog down --------------------------------------------------------------------------------

/** PUT /v1/admin/catalog/products (admin token): full snapshots; unchanged ones keep their version. */
export const catalogPutRequestSchema = z
  .array(productSnapshotSchema)
  .max(GATEWAY_LIMITS.maxCatalogPut);
export const catalogPutResponseSchema = z.object({
  changed: z.number().int(),
  unchanged: z.number().int(),
  /** The catalog's version after this change. */
  version: z.number().int(),
});
export type CatalogPutResponse = z.infer<typeof catalogPutResponseSchema>;

/** GET /v1/catalog?since=<cursor>&limit=<n> (till token). Cursor '0' (or none) starts from the beginning. */
export const catalogQuerySchema = z.object({
  since: z
    .string()
    .regex(/^\d{1,18}$/, 'since must be a cursor returned by this endpoint')
    .default('0'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(GATEWAY_LIMITS.maxCatalogPage)
    .default(GATEWAY_LIMITS.defaultCatalogPage),
});

export const catalogItemSchema = z.object({
  version: z.number().int(),
  product: productSnapshotSchema,
});
export type CatalogItem = z.infer<typeof catalogItemSchema>;

export const catalogPageSchema = z.object({
  items: z.array(catalogItemSchema),
  /** Pass back as `since` to get what changed after this page. */
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type CatalogPage = z.infer<typeof catalogPageSchema>;
