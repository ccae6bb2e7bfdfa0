import { describe, expect, it } from 'vitest';
import { isAdmin } from './adminAuth';
import {
  generateEnrollmentCode,
  generateTillToken,
  normaliseEnrollmentCode,
  parseBearer,
  sha256,
} from './secrets';

describe('till secrets', () => {
  it('makes 32-byte base64url tokens that differ every time', () => {
    const a = generateTillToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(generateTillToken()).not.toBe(a);
    expect(sha256(a)).toHaveLength(32);
  });

  it('makes readable enrollment codes that survive retyping', () => {
    const code = generateEnrollmentCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const retyped = ` ${code.toLowerCase().replace(/-/g, ' ')} `;
    expect(normaliseEnrollmentCode(retyped)).toBe(normaliseEnrollmentCode(code));
    expect(normaliseEnrollmentCode('o1l0-i')).toBe('01101');
  });

  it('parses bearer headers strictly', () => {
    expect(parseBearer('Bearer abc_DEF-123')).toBe('abc_DEF-123');
    expect(parseBearer('bearer   xyz ')).toBe('xyz');
    expect(parseBearer(undefined)).toBeNull();
    expect(parseBearer('Basic abc')).toBeNull();
    expect(parseBearer('Bearer')).toBeNull();
    expect(parseBearer('Bearer a b')).toBeNull();
    expect(parseBearer(`Bearer ${'x'.repeat(600)}`)).toBeNull();
  });

  it('checks the admin token', () => {
    expect(isAdmin('Bearer s3cret-admin-token', 's3cret-admin-token')).toBe(true);
    expect(isAdmin('Bearer s3cret-admin-tokem', 's3cret-admin-token')).toBe(false);
    expect(isAdmin('Bearer short', 's3cret-admin-token')).toBe(false);
    expect(isAdmin(undefined, 's3cret-admin-token')).toBe(false);
  });
});
