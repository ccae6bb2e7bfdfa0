import { describe, expect, it } from 'vitest';
import { API_METHODS, apiChannel, type PosDispatch } from '../../shared/api';
import { err, ok, type Result } from '../../shared/result';
import { registerIpcHandlers, type IpcListener, type IpcMainLike } from './ipcHandlers';
import { APP_INDEX_URL, isTrustedSender, type SenderEventLike } from './senderCheck';

/** Records registrations like ipcMain does (a second handler on one channel throws there too). */
class RecordingIpc implements IpcMainLike {
  readonly handlers = new Map<string, IpcListener>();
  handle(channel: string, listener: IpcListener): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  call(channel: string, event: SenderEventLike, input: unknown): Promise<Result<unknown>> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler on ${channel}`);
    return handler(event, input);
  }
}

const ownFrame: SenderEventLike = { senderFrame: { url: APP_INDEX_URL, parent: null } };
const echoDispatch: PosDispatch = (method, input) =>
  Promise.resolve(ok({ method, input }) as never);

describe('registerIpcHandlers', () => {
  it('registers one handler per API method, on apiChannel(method)', () => {
    const ipc = new RecordingIpc();
    const channels = registerIpcHandlers(ipc, echoDispatch);
    expect(channels).toEqual(API_METHODS.map(apiChannel));
    expect([...ipc.handlers.keys()].sort()).toEqual(API_METHODS.map(apiChannel).sort());
  });

  it('passes the raw input to dispatch under the right method name', async () => {
    const ipc = new RecordingIpc();
    registerIpcHandlers(ipc, echoDispatch);
    for (const method of API_METHODS) {
      await expect(ipc.call(apiChannel(method), ownFrame, { x: 1 })).resolves.toEqual(
        ok({ method, input: { x: 1 } }),
      );
    }
  });

  it('refuses callers that are not the top frame of app://pos', async () => {
    const ipc = new RecordingIpc();
    const seen: string[] = [];
    registerIpcHandlers(ipc, echoDispatch, { log: (m) => seen.push(m) });
    const strangers: SenderEventLike[] = [
      { senderFrame: null },
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'file:///etc/passwd', parent: null } },
      { senderFrame: { url: 'app://other/index.html', parent: null } },
      { senderFrame: { url: APP_INDEX_URL, parent: {} } },
    ];
    for (const event of strangers) {
      await expect(ipc.call(apiChannel('setup-status'), event, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(seen).toHaveLength(strangers.length);
  });

  it('routes overridden methods to the override and turns a throw into INTERNAL', async () => {
    const ipc = new RecordingIpc();
    registerIpcHandlers(ipc, echoDispatch, {
      overrides: {
        'sale-print': () => Promise.resolve(ok({ printed: true, pdfPath: null })),
        'sale-search': () => Promise.reject(new Error('boom')),
      },
      log: () => undefined,
    });
    await expect(ipc.call(apiChannel('sale-print'), ownFrame, { eventId: 'e1' })).resolves.toEqual(
      ok({ printed: true, pdfPath: null }),
    );
    await expect(ipc.call(apiChannel('sale-search'), ownFrame, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    await expect(ipc.call(apiChannel('setup-status'), ownFrame, {})).resolves.toEqual(
      ok({ method: 'setup-status', input: {} }),
    );
  });

  it('passes a dispatch error result through untouched', async () => {
    const ipc = new RecordingIpc();
    registerIpcHandlers(ipc, () => Promise.resolve(err('BAD_PIN', 'Wrong PIN.')));
    await expect(ipc.call(apiChannel('auth-login'), ownFrame, {})).resolves.toEqual(
      err('BAD_PIN', 'Wrong PIN.'),
    );
  });

  it('throws when a channel is registered twice (as ipcMain does)', () => {
    const ipc = new RecordingIpc();
    registerIpcHandlers(ipc, echoDispatch);
    expect(() => registerIpcHandlers(ipc, echoDispatch)).toThrow(/second handler/);
  });
});

describe('isTrustedSender', () => {
  it('accepts any path of the app origin from the top frame', () => {
    expect(
      isTrustedSender({ senderFrame: { url: 'app://pos/index.html#/checkout', parent: null } }),
    ).toBe(true);
    expect(
      isTrustedSender({ senderFrame: { url: 'app://pos.evil/index.html', parent: null } }),
    ).toBe(false);
    expect(
      isTrustedSender({ senderFrame: { url: 'app://user@pos/index.html', parent: null } }),
    ).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'not a url', parent: null } })).toBe(false);
  });
});
