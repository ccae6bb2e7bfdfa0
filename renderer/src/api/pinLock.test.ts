import { describe, expect, it } from 'vitest';
import { pinLockSeconds, tryAgainWords } from './pinLock';

describe('pinLockSeconds', () => {
  it('reads the wait of a PIN_LOCKED answer and ignores other errors', () => {
    expect(
      pinLockSeconds({ code: 'PIN_LOCKED', message: '', details: { retryInSeconds: 60 } }),
    ).toBe(60);
    expect(pinLockSeconds({ code: 'PIN_LOCKED', message: '' })).toBe(30);
    expect(pinLockSeconds({ code: 'BAD_PIN', message: '' })).toBeNull();
    expect(tryAgainWords(5)).toBe('Too many wrong PINs. Try again in 5 s.');
  });
});
