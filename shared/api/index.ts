// The typed contract between the renderer and whatever hosts the till core (Electron main over
// IPC, or the browser-mode HTTP host). One map, intersected from per-domain parts.
import type { Result } from '../result';
import type { ApiInput, ApiMethod } from './inputs';
import type { ApiOutputs } from './outputs';

export * from './inputs';
export type * from './outputs';
export type * from './types';
export type * from './dashboard';
export type * from './sync';
export * from './historyImport';

/** Compile-time check that inputs and outputs name the same methods. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const apiMapsAgree: Same<ApiMethod, keyof ApiOutputs> = true;

/** The object the preload exposes as `window.pos`, and the browser client mirrors. */
export type PosApi = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<Result<ApiOutputs[M]>>;
};

/** Server-side dispatch: the core's handler for a method given raw (unvalidated) input. */
export type PosDispatch = <M extends ApiMethod>(
  method: M,
  input: unknown,
) => Promise<Result<ApiOutputs[M]>>;

/** The name of the IPC channel / HTTP route for a method. */
export const apiChannel = (method: ApiMethod): string => `pos:${method}`;
