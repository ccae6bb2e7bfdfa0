import { AppFailure } from '../../../shared/result';
import { inTransaction, requireSettings } from '../context';
import { loadDemoInto } from '../demo/demoShop';
import type { HandlerMap } from '../handlerTypes';
import { requireOwnerApproval } from '../users/ownerApproval';
import { publicSettings } from './settingsRepo';
import { initStore } from './setupService';

export const setupHandlers: HandlerMap<
  'setup-status' | 'setup-init' | 'settings-get' | 'settings-update'
> = {
  'setup-status': (ctx) => {
    const s = ctx.repos.settings.get();
    return {
      initialised: s !== null,
      hasDemoData: s?.hasDemoData ?? false,
      settings: s ? publicSettings(s) : null,
    };
  },
  'setup-init': (ctx, { demo, ...input }) => {
    // The demo shop is an Indian store: its prices and seasons only make sense in INR, IST, GST-inclusive.
    const settings = demo
      ? initStore(ctx, {
          ...input,
          currency: 'INR',
          timeZone: 'Asia/Kolkata',
          taxMode: 'inclusive',
          locale: 'en-IN',
        })
      : initStore(ctx, input);
    if (demo) {
      loadDemoInto(ctx, {});
      // The demo opens at the PIN screen like any till: its owner PIN is printed, not assumed.
      ctx.session.userId = null;
    }
    return publicSettings(ctx.repos.settings.get() ?? settings);
  },
  'settings-get': (ctx) => publicSettings(requireSettings(ctx)),
  'settings-update': (ctx, input) =>
    inTransaction(ctx, () => {
      const current = requireSettings(ctx);
      requireOwnerApproval(ctx, input.ownerPin, 'Changing store settings');
      if (
        input.storeName === undefined &&
        input.receiptHeader === undefined &&
        input.discountLimitBp === undefined &&
        input.refundLimit === undefined &&
        input.voidApprovalLimit === undefined &&
        input.idleLockMinutes === undefined
      ) {
        throw new AppFailure('VALIDATION', 'Nothing to change.');
      }
      ctx.repos.settings.update({
        storeName: input.storeName ?? current.storeName,
        receiptHeader: input.receiptHeader ?? current.receiptHeader,
        discountLimitBp: input.discountLimitBp ?? current.discountLimitBp,
        refundLimit: input.refundLimit ?? current.refundLimit,
        voidApprovalLimit: input.voidApprovalLimit ?? current.voidApprovalLimit,
        idleLockMinutes: input.idleLockMinutes ?? current.idleLockMinutes,
      });
      return publicSettings(requireSettings(ctx));
    }),
};
