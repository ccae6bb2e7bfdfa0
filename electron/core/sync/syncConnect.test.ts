// The Connect-to-HQ rules the core enforces whatever the UI does: no plain http:// off this
// machine without the owner's explicit "allow unencrypted", and nothing to disconnect from when
// the till was never enrolled.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../test/testSupport';

let till: TestCore | null = null;
afterEach(() => {
  till?.close();
  till = null;
});

describe('sync-enroll address rule and sync-disconnect', () => {
  it('refuses plain http:// to another host with INSECURE_URL before any network call', async () => {
    till = await openTestCore();
    const refused = await till.fail('sync-enroll', { url: 'http://10.20.30.40:8787', code: 'X' });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details).toMatchObject({ field: 'url', reason: 'INSECURE_URL' });
    expect(refused.message).toMatch(/unencrypted/);
    // Allowed, it goes on to the network (nothing listens there: a sync error, not a refusal).
    const tried = await till.fail('sync-enroll', {
      url: 'http://127.0.0.1:9',
      code: 'X',
    });
    expect(tried.code).toBe('SYNC_ERROR');
    expect((await till.call('sync-status', {})).enrolled).toBe(false);
  });

  it('answers CONFLICT when there is nothing to disconnect from', async () => {
    till = await openTestCore();
    expect((await till.fail('sync-disconnect', {})).code).toBe('CONFLICT');
  });
});
