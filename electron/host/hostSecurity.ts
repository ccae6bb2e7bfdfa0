// The browser-mode host's access checks: a per-launch token and a Host-header allow-list (a DNS
// rebinding page reaches 127.0.0.1 with its own host name, so it is refused before anything else).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: the per-launch API token. */
export const newToken = (): string => randomBytes(32).toString('base64url');

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Compares digests so neither the content nor the length of the token leaks through timing. */
export const tokenMatches = (
  expected: string,
  presented: string | string[] | undefined,
): boolean => {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  return timingSafeEqual(digest(expected), digest(presented));
};

/** Only `127.0.0.1:<port>` and `localhost:<port>` are accepted, exactly. */
export const hostHeaderAllowed = (host: string | undefined, port: number): boolean => {
  if (host === undefined) return false;
  const value = host.toLowerCase();
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`;
};
