// Which sync addresses a till may enrol with. A till token and every sale cross the network to
// HQ: over plain http:// anyone on the path can read them, so http:// is only for this machine
// (loopback: a developer's or a test's HQ) unless the owner explicitly allows it.
import { err, ok, type Result } from '../../../shared/result';
import { isLoopbackHost } from '../../../shared/sync/loopback';

export { isLoopbackHost };

/** Parses and normalises the address (no trailing slash), refusing clear text off this machine. */
export const checkHqUrl = (raw: string, allowInsecure: boolean): Result<string> => {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return err('VALIDATION', 'Give the sync service address as an https:// URL.', {
      field: 'url',
      reason: 'BAD_URL',
    });
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password)
    return err('VALIDATION', 'Give the sync service address as an https:// URL.', {
      field: 'url',
      reason: 'BAD_URL',
    });
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname) && !allowInsecure)
    return err(
      'VALIDATION',
      `${u.host} is reached over plain http://: the till's token and its sales would cross the network unencrypted. Use https://, or tick "allow unencrypted" if this network is private and trusted.`,
      { field: 'url', reason: 'INSECURE_URL' },
    );
  return ok(u.toString().replace(/\/+$/, ''));
};
