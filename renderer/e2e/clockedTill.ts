// A till for the closed-loop test: its own till core and data directory, served in browser mode
// on 127.0.0.1 (the real host handler) so Chromium can show its dashboard, with a settable clock
// so sales can be rung on past days through the ordinary checkout path (the core's `now` option).
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiInput, ApiMethod, ApiOutputs } from '../../shared/api';
import { openTillCore, type TillCore } from '../../electron/core/tillCore';
import { createHostHandler } from '../../electron/host/hostRequestHandler';
import { newToken } from '../../electron/host/hostSecurity';
import { redeemLaunchUrl, type TillSession } from '../../build/test/tillLaunch';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const FAST_RELAY = { backoff: { baseMs: 100, maxMs: 1_000, minMs: 50 }, idlePollMs: 1_000 };

export interface ClockedTill {
  name: string;
  dir: string;
  core: TillCore;
  /** Its launch URL, redeemed: open a page on it with openTillPage (any number of times). */
  session: TillSession;
  /** Pins the till's clock to `ms` (UTC), or back to the wall clock with null. */
  setClock(ms: number | null): void;
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]>;
  /** Stops serving and closes the core (its data directory stays for a restart elsewhere). */
  close(): Promise<void>;
}

export const openClockedTill = async (name: string): Promise<ClockedTill> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pos-e2e-loop-'));
  let pinned: number | null = null;
  const core = openTillCore({
    dataDir: dir,
    now: () => pinned ?? Date.now(),
    log: () => {},
    sync: { autoStart: true, relay: FAST_RELAY },
  });
  const launchToken = newToken();
  let port = 0;
  const server = createServer(
    createHostHandler({ dispatch: core.dispatch, launchToken, distDir: DIST, port: () => port }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const session = await redeemLaunchUrl(`http://127.0.0.1:${port}/?token=${launchToken}`);
  let closed = false;
  return {
    name,
    dir,
    core,
    session,
    setClock: (ms) => {
      pinned = ms;
    },
    call: async (method, input) => {
      const r = await core.dispatch(method, input);
      if (!r.ok) throw new Error(`${name}: ${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      core.close();
    },
  };
};
