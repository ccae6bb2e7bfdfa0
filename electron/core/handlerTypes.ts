// The handler map type: one function per API method, taking already-validated input. Handlers
// are synchronous because better-sqlite3 is; dispatch wraps them into the async PosDispatch.
import type { ApiMethod, ApiParsedInput } from '../../shared/api/inputs';
import type { ApiOutputs } from '../../shared/api/outputs';
import type { CoreContext } from './context';

export type Handler<M extends ApiMethod> = (
  ctx: CoreContext,
  input: ApiParsedInput<M>,
) => ApiOutputs[M];
export type HandlerMap<M extends ApiMethod> = { [K in M]: Handler<K> };
export type Handlers = HandlerMap<ApiMethod>;

/** What dispatch holds: most handlers are synchronous, a few (sync enrolment) wait on the network. */
export type AnyHandler<M extends ApiMethod> = (
  ctx: CoreContext,
  input: ApiParsedInput<M>,
) => ApiOutputs[M] | Promise<ApiOutputs[M]>;
/** The one map type for a domain whose handlers may wait (sync, HQ view, history import). */
export type AsyncHandlerMap<M extends ApiMethod> = { [K in M]: AnyHandler<K> };
export type AnyHandlers = AsyncHandlerMap<ApiMethod>;
