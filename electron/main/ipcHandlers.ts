// One ipcMain.handle per till API method, each refusing callers that are not our own page. Written
// against a minimal IpcMain shape so tests can register into a fake and call the handlers.
import {
  API_METHODS,
  apiChannel,
  type ApiMethod,
  type ApiOutputs,
  type PosDispatch,
} from '../../shared/api';
import { err, type Result } from '../../shared/result';
import { isTrustedSender, type SenderEventLike } from './senderCheck';

export type IpcListener = (event: SenderEventLike, input: unknown) => Promise<Result<unknown>>;

/** The slice of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(channel: string, listener: IpcListener): void;
}

/** Main-process replacements for a method (e.g. `sale-print`, which needs Electron to print). */
export type MethodOverrides = {
  [M in ApiMethod]?: (input: unknown) => Promise<Result<ApiOutputs[M]>>;
};

export interface RegisterOptions {
  overrides?: MethodOverrides;
  isTrusted?: (event: SenderEventLike) => boolean;
  log?: (message: string) => void;
}

/** Registers every method of API_METHODS; returns the channels, in order. */
export const registerIpcHandlers = (
  ipc: IpcMainLike,
  dispatch: PosDispatch,
  options: RegisterOptions = {},
): string[] => {
  const isTrusted = options.isTrusted ?? isTrustedSender;
  const log = options.log ?? ((message: string) => console.error(message));
  return API_METHODS.map((method) => {
    const channel = apiChannel(method);
    const override = options.overrides?.[method];
    ipc.handle(channel, async (event, input) => {
      if (!isTrusted(event)) {
        log(`ipc: refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return err('FORBIDDEN', 'This caller may not use the till API.');
      }
      try {
        return override ? await override(input) : await dispatch(method, input);
      } catch (cause) {
        // dispatch never throws by contract; an override might. The renderer still gets a Result.
        log(
          `ipc: ${channel} failed: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`,
        );
        return err('INTERNAL', `The till could not complete ${method}.`);
      }
    });
    return channel;
  });
};
