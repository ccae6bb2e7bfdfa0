import { describe, expect, it } from 'vitest';
import { API_METHODS, apiChannel } from '../../shared/api';
import { buildPreloadApi } from './preloadApi';

describe('buildPreloadApi', () => {
  it('exposes exactly one function per API method and nothing else', () => {
    const api = buildPreloadApi(() => Promise.resolve(null));
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) expect(typeof api[method]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes each method on its own channel with the input unchanged', async () => {
    const calls: Array<[string, unknown]> = [];
    const api = buildPreloadApi((channel, input) => {
      calls.push([channel, input]);
      return Promise.resolve({ ok: true, value: channel });
    });
    for (const method of API_METHODS) {
      const input = { probe: method };
      const call = api[method] as (input: unknown) => Promise<unknown>;
      await expect(call(input)).resolves.toEqual({ ok: true, value: apiChannel(method) });
    }
    expect(calls).toEqual(API_METHODS.map((method) => [apiChannel(method), { probe: method }]));
  });

  it('turns an IPC failure into an INTERNAL result instead of a rejection', async () => {
    const api = buildPreloadApi(() => Promise.reject(new Error('channel closed')));
    const result = await api['setup-status']({});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
