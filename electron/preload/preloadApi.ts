// Builds the object the preload exposes as `window.pos`: one function per API method, each a
// single IPC invoke on that method's channel. No IPC object ever reaches the page.
import { API_METHODS, apiChannel, type ApiMethod, type PosApi } from '../../shared/api';
import { err, type Result } from '../../shared/result';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

const bind =
  (invoke: Invoke, method: ApiMethod) =>
  async (input: unknown): Promise<Result<unknown>> => {
    try {
      // Main answers every call with a Result (its handlers never throw).
      return (await invoke(apiChannel(method), input)) as Result<unknown>;
    } catch {
      // Only an IPC failure lands here.
      return err('INTERNAL', `The till did not answer ${method}.`);
    }
  };

/** The key set is API_METHODS exactly (a test pins it), so the cast only restores the per-method types. */
export const buildPreloadApi = (invoke: Invoke): PosApi =>
  Object.freeze(
    Object.fromEntries(API_METHODS.map((method) => [method, bind(invoke, method)])),
  ) as PosApi;
