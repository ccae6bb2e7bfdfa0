import type { HandlerMap } from '../handlerTypes';
import { requireOwnerApproval } from '../users/ownerApproval';
import { loadDemoInto } from './demoShop';

export const demoHandlers: HandlerMap<'demo-load'> = {
  'demo-load': (ctx, { ownerPin }) => {
    requireOwnerApproval(ctx, ownerPin, 'Loading the demo shop');
    return loadDemoInto(ctx, {});
  },
};
