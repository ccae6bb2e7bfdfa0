// Sync configuration lives in the till's own database (sync_settings, migration 0500) so it
// survives restarts with the outbox it belongs to. The token goes through a TokenVault: the
// Electron main can wrap it with safeStorage (OS keychain); the plain vault keeps it in the
// same table, and nothing here ever logs it. The store/till ids are not kept here: they are the
// core's (the settings row, read through settingsRepo's tillIdentityRepo), one copy for the sales
// and the relay alike; sync_settings says only whether and where the till is enrolled.
import type Database from 'better-sqlite3';
import type { TillIdentityRepo } from '../settings/settingsRepo';

export interface SyncIdentity {
  hqUrl: string;
  storeId: string;
  tillId: string;
  enrolledAt: number;
}

type SettingKey =
  | 'hq_url'
  | 'enrolled_at'
  | 'store_name'
  | 'store_city'
  | 'token'
  | 'last_sync_at'
  | 'needs_reenrolment'
  | 'catalog_cursor'
  | 'catalog_synced_at'
  | 'analytics_fetched_at';

/** What enrolment wrote; disconnecting removes these (the outbox and its cursors stay). */
export const IDENTITY_KEYS = [
  'hq_url',
  'enrolled_at',
  'store_name',
  'store_city',
  'needs_reenrolment',
] as const satisfies readonly SettingKey[];

export interface SyncSettings {
  get(key: SettingKey): string | null;
  set(key: SettingKey, value: string): void;
  remove(key: SettingKey): void;
  identity(): SyncIdentity | null;
  lastSyncAt(): number | null;
  needsReenrolment(): boolean;
}

/**
 * `till` is the core's settings row on the same connection (the relay thread passes its own), so
 * the ids the relay checks are the ids the sales were written with.
 */
export const createSyncSettings = (
  db: Database.Database,
  till: Pick<TillIdentityRepo, 'get'>,
): SyncSettings => {
  const select = db.prepare<[string], { value: string }>(
    `SELECT value FROM sync_settings WHERE key = ?`,
  );
  const upsert = db.prepare<[string, string]>(
    `INSERT INTO sync_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const del = db.prepare<[string]>(`DELETE FROM sync_settings WHERE key = ?`);
  const get = (key: SettingKey): string | null => select.get(key)?.value ?? null;
  const num = (key: SettingKey): number | null => {
    const v = get(key);
    return v === null ? null : Number(v);
  };
  return {
    get,
    set: (key, value) => {
      upsert.run(key, value);
    },
    remove: (key) => {
      del.run(key);
    },
    identity: () => {
      const hqUrl = get('hq_url');
      if (hqUrl === null) return null;
      const ids = till.get();
      if (ids === null) return null;
      return {
        hqUrl,
        storeId: ids.storeId,
        tillId: ids.tillId,
        enrolledAt: num('enrolled_at') ?? 0,
      };
    },
    lastSyncAt: () => num('last_sync_at'),
    needsReenrolment: () => get('needs_reenrolment') === '1',
  };
};

/** Where the till's gateway token is kept. Implementations must never log the token. */
export interface TokenVault {
  load(): string | null;
  store(token: string): void;
  clear(): void;
}

/** Keeps the token in sync_settings as is (used where no OS keychain is available). */
export const createPlainTokenVault = (settings: SyncSettings): TokenVault => ({
  load: () => settings.get('token'),
  store: (token) => settings.set('token', token),
  clear: () => settings.remove('token'),
});

/** A reversible sealing step, e.g. Electron's safeStorage (electron/main/safeStorageSeal.ts). */
export interface TokenSeal {
  /** Returns text that is safe to store (base64 of the ciphertext). */
  encrypt(plain: string): string;
  /** Throws when the text cannot be opened (another OS user, a reset keychain). */
  decrypt(sealed: string): string;
}

/** Marks a sealed token, so a plain one written by an older till is told apart and resealed. */
const SEALED_PREFIX = 'sealed:v1:';

/**
 * Keeps the token in sync_settings sealed (in Electron: by the OS keychain through safeStorage),
 * so a copy of till.sqlite alone does not carry a working token. A plain token left by an
 * earlier version is sealed the first time it is read. A token that no longer opens is treated
 * as none: the till keeps selling offline and the owner enrols it again.
 */
export const createSealedTokenVault = (
  settings: SyncSettings,
  seal: TokenSeal,
  log: (message: string) => void = () => {},
): TokenVault => {
  const store = (token: string): void => settings.set('token', SEALED_PREFIX + seal.encrypt(token));
  return {
    load: () => {
      const stored = settings.get('token');
      if (stored === null) return null;
      if (!stored.startsWith(SEALED_PREFIX)) {
        store(stored);
        return stored;
      }
      try {
        return seal.decrypt(stored.slice(SEALED_PREFIX.length));
      } catch {
        log('sync: the stored HQ token could not be unsealed; enrol this till again');
        return null;
      }
    },
    store,
    clear: () => settings.remove('token'),
  };
};
