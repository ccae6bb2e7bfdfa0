// Browser mode: the till core served over HTTP on 127.0.0.1 only, for kiosk/tablet use and for the
// end-to-end tests that drive the real UI in Chromium.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openTillCore } from '../core/tillCore';
import { ensureDemoShop } from '../shell/demoShop';
import { createHostHandler } from './hostRequestHandler';
import { newToken } from './hostSecurity';
import { LAUNCH_TOKEN_PARAM } from './hostSession';

/** The only interface the host ever binds. */
export const HOST_ADDRESS = '127.0.0.1';

export interface BrowserHostOptions {
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  /** The built renderer (renderer/dist). */
  distDir: string;
  /** On a fresh data directory, create the demo shop first. */
  demo: boolean;
  bodyLimitBytes?: number;
  log?: (message: string) => void;
}

export interface BrowserHost {
  /** `http://127.0.0.1:<port>/?token=<launch token>`: opens the till once (see hostSession.ts). */
  url: string;
  /** The launch token; redeemed by the first page load for the session cookie. */
  token: string;
  port: number;
  /** True when `demo` was asked for and this launch created the demo shop. */
  demoCreated: boolean;
  close(): Promise<void>;
}

const listen = (server: Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen({ port, host: HOST_ADDRESS, exclusive: true }, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });

export const startBrowserHost = async (options: BrowserHostOptions): Promise<BrowserHost> => {
  const log = options.log ?? ((message: string) => console.error(message));
  // openTillCore creates the folder, and says STORAGE_ERROR clearly when it cannot.
  const core = openTillCore({ dataDir: options.dataDir, log });
  const token = newToken();
  let demoCreated = false;
  let boundPort = 0;
  const server = createServer(
    createHostHandler({
      dispatch: core.dispatch,
      launchToken: token,
      distDir: options.distDir,
      port: () => boundPort,
      ...(options.bodyLimitBytes === undefined ? {} : { bodyLimitBytes: options.bodyLimitBytes }),
      log,
    }),
  );
  try {
    if (options.demo) {
      const demo = await ensureDemoShop(core.dispatch);
      if (!demo.ok) throw new Error(`Could not create the demo shop: ${demo.error.message}`);
      demoCreated = demo.value.created;
    }
    boundPort = await listen(server, options.port);
  } catch (error) {
    core.close();
    throw error;
  }
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }).finally(() => core.close());
    return closing;
  };
  return {
    url: `http://${HOST_ADDRESS}:${boundPort}/?${LAUNCH_TOKEN_PARAM}=${token}`,
    token,
    port: boundPort,
    demoCreated,
    close,
  };
};
