import { describe, expect, it } from 'vitest';
import { safeStorageSeal, type SafeStorageLike } from './safeStorageSeal';

/** Stands in for the OS keychain: a reversible transform that is not the identity. */
const fakeSafeStorage = (available: boolean): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)),
  decryptString: (sealed) => Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString('utf8'),
});

describe('safeStorageSeal', () => {
  it('seals to base64 text that does not contain the token and opens it again', () => {
    const seal = safeStorageSeal(fakeSafeStorage(true))!;
    const sealed = seal.encrypt('till-token-secret');
    expect(sealed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('till-token-secret');
    expect(seal.decrypt(sealed)).toBe('till-token-secret');
  });

  it('is null when the OS has no keychain, so the core keeps the plain vault', () => {
    expect(safeStorageSeal(fakeSafeStorage(false))).toBeNull();
  });
});
