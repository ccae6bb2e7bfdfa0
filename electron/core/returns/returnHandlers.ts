import type { HandlerMap } from '../handlerTypes';
import { createReturn } from './returnService';

export const returnHandlers: HandlerMap<'return-create'> = {
  'return-create': createReturn,
};
