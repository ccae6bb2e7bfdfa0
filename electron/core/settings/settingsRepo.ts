// The single row of store settings, plus the receipt-number format derived from it.
import type Database from 'better-sqlite3';
import type { StoreSettings } from '../../../shared/api/types';
import type { TaxMode } from '../../../shared/pricing';

interface SettingsRow {
  store_id: string;
  till_id: string;
  store_code: string;
  till_code: string;
  store_name: string;
  currency: string;
  locale: string;
  time_zone: string;
  tax_mode: TaxMode;
  receipt_header: string;
  discount_limit_bp: number;
  refund_limit: number;
  void_approval_limit: number;
  idle_lock_minutes: number;
  has_demo_data: number;
}

export interface StoredSettings extends StoreSettings {
  storeCode: string;
  tillCode: string;
  hasDemoData: boolean;
}

/** What setup writes: the store's settings (idle lock left to its default) and the codes shown. */
export type NewSettings = Omit<StoreSettings, 'idleLockMinutes'> & {
  storeCode: string;
  tillCode: string;
  createdAt: number;
};

const fromRow = (r: SettingsRow): StoredSettings => ({
  storeId: r.store_id,
  tillId: r.till_id,
  storeCode: r.store_code,
  tillCode: r.till_code,
  storeName: r.store_name,
  currency: r.currency,
  locale: r.locale,
  timeZone: r.time_zone,
  taxMode: r.tax_mode,
  receiptHeader: r.receipt_header,
  discountLimitBp: r.discount_limit_bp,
  refundLimit: r.refund_limit,
  voidApprovalLimit: r.void_approval_limit,
  idleLockMinutes: r.idle_lock_minutes,
  hasDemoData: r.has_demo_data === 1,
});

/** What the API shows: the stored settings without the internal receipt codes. */
export const publicSettings = (s: StoredSettings): StoreSettings => ({
  storeId: s.storeId,
  tillId: s.tillId,
  storeName: s.storeName,
  currency: s.currency,
  locale: s.locale,
  timeZone: s.timeZone,
  taxMode: s.taxMode,
  receiptHeader: s.receiptHeader,
  discountLimitBp: s.discountLimitBp,
  refundLimit: s.refundLimit,
  voidApprovalLimit: s.voidApprovalLimit,
  idleLockMinutes: s.idleLockMinutes,
});

export const settingsRepo = (db: Database.Database) => {
  const get = db.prepare<[], SettingsRow>('SELECT * FROM settings WHERE id = 1');
  const insert = db.prepare(
    `INSERT INTO settings (id, store_id, till_id, store_code, till_code, store_name, currency, locale,
       time_zone, tax_mode, receipt_header, discount_limit_bp, refund_limit, void_approval_limit,
       created_at)
     VALUES (1, @storeId, @tillId, @storeCode, @tillCode, @storeName, @currency, @locale,
       @timeZone, @taxMode, @receiptHeader, @discountLimitBp, @refundLimit, @voidApprovalLimit,
       @createdAt)`,
  );
  const update = db.prepare(
    `UPDATE settings SET store_name = @storeName, receipt_header = @receiptHeader,
       discount_limit_bp = @discountLimitBp, refund_limit = @refundLimit,
       void_approval_limit = @voidApprovalLimit, idle_lock_minutes = @idleLockMinutes WHERE id = 1`,
  );
  const markDemo = db.prepare('UPDATE settings SET has_demo_data = 1 WHERE id = 1');
  // Settings change rarely and are read on every sale; cache the row, drop it on write.
  let cached: StoredSettings | null = null;
  return {
    get: (): StoredSettings | null => {
      if (cached) return cached;
      const row = get.get();
      cached = row ? fromRow(row) : null;
      return cached;
    },
    insert: (s: NewSettings): void => {
      insert.run(s);
      cached = null;
    },
    update: (
      s: Pick<
        StoreSettings,
        | 'storeName'
        | 'receiptHeader'
        | 'discountLimitBp'
        | 'refundLimit'
        | 'voidApprovalLimit'
        | 'idleLockMinutes'
      >,
    ) => {
      update.run(s);
      cached = null;
    },
    markDemo: (): void => {
      markDemo.run();
      cached = null;
    },
    forget: (): void => {
      cached = null;
    },
  };
};
export type SettingsRepo = ReturnType<typeof settingsRepo>;

/** `<storeCode>-<tillCode>-<6-digit seq>`, e.g. S1-T1-000042. */
export const formatReceiptNo = (storeCode: string, tillCode: string, seq: number): string =>
  `${storeCode}-${tillCode}-${String(seq).padStart(6, '0')}`;

/** The store and till a fact belongs to, with the store's trading currency and calendar. */
export interface TillIdentity {
  storeId: string;
  tillId: string;
  currency: string;
  timeZone: string;
}

/**
 * The settings row as the sync side needs it (electron/core/sync): the ids every fact carries,
 * read fresh on each call (the relay runs on its own thread and connection, and enrolment on the
 * main one may change them under it), and the one write enrolment makes: HQ's ids replace the
 * provisional ones. Callers on the main connection drop settingsRepo's cache after adopt().
 */
export const tillIdentityRepo = (db: Database.Database) => {
  const read = db.prepare<[], TillIdentity>(
    `SELECT store_id AS storeId, till_id AS tillId, currency, time_zone AS timeZone
     FROM settings WHERE id = 1`,
  );
  const adopt = db.prepare<[string, string]>(
    'UPDATE settings SET store_id = ?, till_id = ? WHERE id = 1',
  );
  return {
    get: (): TillIdentity | null => read.get() ?? null,
    /** Makes HQ's ids this till's own; runs inside the enrolment's transaction. */
    adopt: (storeId: string, tillId: string): void => void adopt.run(storeId, tillId),
  };
};
export type TillIdentityRepo = ReturnType<typeof tillIdentityRepo>;
