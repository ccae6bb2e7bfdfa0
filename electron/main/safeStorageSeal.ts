// The till's HQ token sealed with Electron's safeStorage (the OS keychain: Keychain, DPAPI,
// libsecret), so till.sqlite alone holds no usable token. The core runs in this process
// (main.ts), so the seal is a plain synchronous call. safeStorage is passed in, so this is
// unit-tested without Electron (safeStorageSeal.test.ts).
import type { TokenSeal } from '../core/sync/syncSettings';

/** The slice of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * A seal over safeStorage, or null when the OS offers no keychain (then the token stays plain in
 * till.sqlite, as in browser mode; main logs it).
 */
export const safeStorageSeal = (safeStorage: SafeStorageLike): TokenSeal | null =>
  safeStorage.isEncryptionAvailable()
    ? {
        encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
        decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
      }
    : null;
