// HQ admin authentication: one shared token from SYNC_ADMIN_TOKEN, compared in constant time.
import { timingSafeEqual } from 'node:crypto';
import { parseBearer, sha256 } from './secrets';

/** True when the Authorization header carries the admin token. */
export function isAdmin(authorization: string | undefined, adminToken: string): boolean {
  const presented = parseBearer(authorization);
  if (presented === null) return false;
  // Comparing digests gives equal lengths, so the comparison time says nothing about the token.
  return timingSafeEqual(sha256(presented), sha256(adminToken));
}
