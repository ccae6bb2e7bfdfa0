import { describe, expect, it } from 'vitest';
import { checkHqUrl, isLoopbackHost } from './hqUrlPolicy';

const reason = (r: ReturnType<typeof checkHqUrl>): unknown =>
  r.ok ? null : (r.error.details as { reason: string }).reason;

describe('HQ address policy', () => {
  it('knows loopback: 127.0.0.0/8, ::1 and localhost, nothing else', () => {
    for (const h of ['127.0.0.1', '127.8.9.10', 'localhost', 'LOCALHOST', 'hq.localhost', '[::1]'])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['128.0.0.1', '10.0.0.5', '192.168.1.2', 'hq.example.com', '127.0.0.1.nip.io'])
      expect(isLoopbackHost(h), h).toBe(false);
  });

  it('accepts https anywhere and http on loopback, without a trailing slash', () => {
    expect(checkHqUrl(' https://hq.example.com/ ', false)).toEqual({
      ok: true,
      value: 'https://hq.example.com',
    });
    expect(checkHqUrl('http://127.0.0.1:8787/', false)).toEqual({
      ok: true,
      value: 'http://127.0.0.1:8787',
    });
    expect(checkHqUrl('http://[::1]:8787', false).ok).toBe(true);
    expect(checkHqUrl('http://localhost:8787', false).ok).toBe(true);
  });

  it('refuses plain http to another host unless unencrypted is allowed', () => {
    const refused = checkHqUrl('http://192.168.1.20:8787', false);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? null : refused.error.code).toBe('VALIDATION');
    expect(reason(refused)).toBe('INSECURE_URL');
    expect(reason(checkHqUrl('http://hq.example.com', false))).toBe('INSECURE_URL');
    expect(checkHqUrl('http://192.168.1.20:8787', true)).toEqual({
      ok: true,
      value: 'http://192.168.1.20:8787',
    });
  });

  it('refuses what is not an http(s) address, or carries credentials', () => {
    for (const u of ['hq.example.com', 'ftp://hq.example.com', 'https://a:b@hq.example.com', ''])
      expect(reason(checkHqUrl(u, true)), u).toBe('BAD_URL');
  });
});

describe('the Connect screen hint', () => {
  it('flags exactly the addresses the core refuses without allowInsecure', async () => {
    const { isInsecureRemoteUrl } = await import('../../../shared/sync/loopback');
    for (const u of [
      'http://192.168.1.20:8787',
      'http://hq.example.com/',
      'HTTP://10.0.0.1',
      'http://[fe80::1]:8787',
    ])
      expect(isInsecureRemoteUrl(u), u).toBe(true);
    for (const u of ['https://hq.example.com', 'http://127.0.0.1:8787', 'http://[::1]', 'junk'])
      expect(isInsecureRemoteUrl(u), u).toBe(false);
  });
});
