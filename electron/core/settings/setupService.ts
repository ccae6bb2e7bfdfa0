// First run: store settings and the owner account, in one transaction. The owner is signed in
// afterwards so setup can flow straight into the till.
import { randomBytes } from 'node:crypto';
import type { ApiParsedInput } from '../../../shared/api/inputs';
import { currencyExponent } from '../../../shared/money';
import { AppFailure } from '../../../shared/result';
import { uuidv7 } from '../../../shared/uuidv7';
import { inTransaction, type CoreContext } from '../context';
import { hashPin } from '../users/pinHash';
import type { StoredSettings } from './settingsRepo';

export type SetupInput = Omit<ApiParsedInput<'setup-init'>, 'demo'>;

/** Default owner-approval thresholds: 10 % discount, refunds above 5,000 major units. */
const DEFAULT_DISCOUNT_LIMIT_BP = 1_000;
const DEFAULT_REFUND_LIMIT_MAJOR = 5_000;
/** A cashier may void a sale worth up to this much (major units) without an owner. */
const DEFAULT_VOID_APPROVAL_LIMIT_MAJOR = 2_000;

export const initStore = (ctx: CoreContext, input: SetupInput): StoredSettings =>
  inTransaction(ctx, () => {
    if (ctx.repos.settings.get())
      throw new AppFailure('ALREADY_SET_UP', 'This till is already set up.');
    try {
      new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
    } catch {
      throw new AppFailure('VALIDATION', `timeZone: ${input.timeZone} is not a known time zone.`);
    }
    const at = ctx.clock.now();
    ctx.repos.settings.insert({
      storeId: `local-${randomBytes(4).toString('hex')}`,
      tillId: 'till-1',
      storeCode: 'S1',
      tillCode: 'T1',
      storeName: input.storeName,
      currency: input.currency,
      locale: input.locale,
      timeZone: input.timeZone,
      taxMode: input.taxMode,
      receiptHeader: '',
      discountLimitBp: DEFAULT_DISCOUNT_LIMIT_BP,
      refundLimit: DEFAULT_REFUND_LIMIT_MAJOR * 10 ** currencyExponent(input.currency),
      voidApprovalLimit: DEFAULT_VOID_APPROVAL_LIMIT_MAJOR * 10 ** currencyExponent(input.currency),
      createdAt: at,
    });
    const ownerId = uuidv7(at);
    ctx.repos.users.insert({
      id: ownerId,
      name: input.ownerName,
      role: 'owner',
      pinHash: hashPin(input.ownerPin),
      createdAt: at,
    });
    ctx.session.userId = ownerId;
    return ctx.repos.settings.get()!;
  });
