import { describe, expect, it } from 'vitest';
import { hostHeaderAllowed, newToken, tokenMatches } from './hostSecurity';

describe('host security', () => {
  it('makes 43-character base64url tokens, different every launch', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches('secret', 'secret')).toBe(true);
    expect(tokenMatches('secret', 'secreT')).toBe(false);
    expect(tokenMatches('secret', 'secret2')).toBe(false);
    expect(tokenMatches('secret', undefined)).toBe(false);
    expect(tokenMatches('secret', ['secret'])).toBe(false);
    expect(tokenMatches('secret', '')).toBe(false);
  });

  it('accepts only loopback Host headers on our port', () => {
    expect(hostHeaderAllowed('127.0.0.1:5174', 5174)).toBe(true);
    expect(hostHeaderAllowed('LOCALHOST:5174', 5174)).toBe(true);
    for (const host of [
      undefined,
      '127.0.0.1',
      '127.0.0.1:5175',
      'evil.example:5174',
      'localhost.evil:5174',
      '[::1]:5174',
    ]) {
      expect(hostHeaderAllowed(host, 5174)).toBe(false);
    }
  });
});
