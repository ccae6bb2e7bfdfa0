// PINs are short, so they are stored only as a salted scrypt hash (memory-hard, slow to brute
// force offline) and compared in constant time.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;
const COST = 16_384;

export const hashPin = (pin: string): string => {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, KEY_LENGTH, { N: COST, r: 8, p: 1 });
  return `scrypt$${COST}$${salt.toString('base64')}$${hash.toString('base64')}`;
};

export const verifyPin = (pin: string, stored: string): boolean => {
  const [scheme, cost, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !cost || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(cost),
    r: 8,
    p: 1,
  });
  return timingSafeEqual(actual, expected);
};
