import { describe, expect, it } from 'vitest';
import { ArgsError, parseSimulatorArgs } from './simulatorArgs';

describe('parseSimulatorArgs', () => {
  it('reads the documented options, both --name value and --name=value', () => {
    const a = parseSimulatorArgs([
      '--stores',
      '3',
      '--tills=2',
      '--days',
      '30',
      '--seed',
      '9',
      '--rate',
      '1.5',
      '--sync-url',
      'http://127.0.0.1:8787/',
      '--admin-token',
      'secret-token-123456',
    ]);
    expect(a).toMatchObject({
      stores: 3,
      tills: 2,
      days: 30,
      seed: 9,
      rate: 1.5,
      syncUrl: 'http://127.0.0.1:8787',
      adminToken: 'secret-token-123456',
    });
  });

  it('defaults what is optional', () => {
    const a = parseSimulatorArgs(['--stores', '1', '--tills', '1', '--days', '1']);
    expect(a).toMatchObject({ seed: 42, rate: 0, syncUrl: null, products: 332, keepDb: false });
  });

  it.each([
    [['--tills', '1', '--days', '1'], /--stores is required/],
    [['--stores', '0', '--tills', '1', '--days', '1'], /--stores must be a number from 1/],
    [['--stores', '1.5', '--tills', '1', '--days', '1'], /whole number/],
    [['--stores', '1', '--tills', '1', '--days', '1', '--bogus', '2'], /unknown option --bogus/],
    [['--stores', '1', '--tills', '1', '--days', '1', '--sync-url', 'ftp://x'], /http\(s\) URL/],
    [['--stores'], /--stores needs a value/],
    [['stores'], /unexpected argument/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseSimulatorArgs(argv)).toThrow(ArgsError);
    expect(() => parseSimulatorArgs(argv)).toThrow(message);
  });
  it('fills the HQ named by $SYNC_URL when --sync-url is not given', () => {
    const before = process.env.SYNC_URL;
    process.env.SYNC_URL = 'http://127.0.0.1:8787';
    try {
      const a = parseSimulatorArgs(['--stores', '1', '--tills', '1', '--days', '1']);
      expect(a.syncUrl).toBe('http://127.0.0.1:8787');
    } finally {
      if (before === undefined) delete process.env.SYNC_URL;
      else process.env.SYNC_URL = before;
    }
  });
});
