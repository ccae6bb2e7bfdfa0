// Secrets handed to tills: long random bearer tokens and short one-time enrollment codes. Only
// their sha256 is stored, so the database never holds anything that authenticates by itself.
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 32 random bytes, base64url (43 characters). */
export const generateTillToken = (): string => randomBytes(32).toString('base64url');

export const sha256 = (secret: string): Buffer =>
  createHash('sha256').update(secret, 'utf8').digest();

// Crockford base32 without I, L, O, U: easy to read aloud and type; 12 characters = 60 bits,
// ample for a one-time code that expires in days and is looked up by hash.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time enrollment code such as `7K3M-Q9TX-2BNP`. */
export function generateEnrollmentCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Canonical form for hashing: case, spaces and dashes do not matter; O/I/L read as 0/1/1. */
export function normaliseEnrollmentCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** `Authorization: Bearer <token>` → token, or null when absent or malformed. */
export function parseBearer(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]{1,512})[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
}
