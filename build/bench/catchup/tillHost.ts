// Serves an open till core in browser mode on 127.0.0.1 (the real host handler and built
// renderer), so the benchmark can drive the checkout UI in Chromium while the core's relay drains.
// The URL is a launch URL: the first page that opens it gets the session (once).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { PosDispatch } from '../../../shared/api';
import type { TillCore } from '../../../electron/core/tillCore';
import { createHostHandler } from '../../../electron/host/hostRequestHandler';
import { newToken } from '../../../electron/host/hostSecurity';

const DIST = fileURLToPath(new URL('../../../renderer/dist', import.meta.url));

export const serveTill = async (
  core: TillCore,
  /** Told how long the core took for each API call (ms), for the bench's breakdown. */
  onCall?: (method: string, ms: number) => void,
): Promise<{ url: string; close(): Promise<void> }> => {
  const launchToken = newToken();
  let port = 0;
  const dispatch: PosDispatch = async (method, input) => {
    const t0 = performance.now();
    const result = await core.dispatch(method, input);
    onCall?.(method, performance.now() - t0);
    return result;
  };
  const server = createServer(
    createHostHandler({ dispatch, launchToken, distDir: DIST, port: () => port }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${launchToken}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
