import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './serveArgs';

const defaults = { cwd: '/work/app', distDir: '/work/app/renderer/dist' };

describe('parseServeArgs', () => {
  it('uses the defaults', () => {
    expect(parseServeArgs([], {}, defaults)).toEqual({
      ok: true,
      args: {
        port: 5174,
        dataDir: path.resolve('/work/app/.pos-data'),
        distDir: '/work/app/renderer/dist',
        demo: false,
      },
    });
  });

  it('takes flags over environment over defaults', () => {
    const env = { POS_PORT: '6000', POS_DATA_DIR: '/var/pos' };
    expect(parseServeArgs([], env, defaults)).toMatchObject({
      ok: true,
      args: { port: 6000, dataDir: '/var/pos' },
    });
    expect(
      parseServeArgs(['--port', '0', '--data-dir=data', '--demo'], env, defaults),
    ).toMatchObject({
      ok: true,
      args: { port: 0, dataDir: path.resolve('/work/app/data'), demo: true },
    });
  });

  it('rejects bad ports and unknown flags with a message', () => {
    expect(parseServeArgs(['--port', '70000'], {}, defaults)).toMatchObject({ ok: false });
    expect(parseServeArgs(['--port', 'x'], {}, defaults)).toMatchObject({ ok: false });
    expect(parseServeArgs(['--port'], {}, defaults)).toMatchObject({ ok: false });
    expect(parseServeArgs(['--host', '0.0.0.0'], {}, defaults)).toMatchObject({
      ok: false,
      message: expect.stringContaining('Unknown argument'),
    });
  });
});
