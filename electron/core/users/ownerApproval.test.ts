// The owner checks every owner-only or beyond-a-limit action goes through (ownerApproval.ts): who
// approves, and the error codes a cashier meets, so refunds, voids, discounts, stock and settings
// keep asking the same way.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result';
import { OWNER_PIN, openTestCore, type TestCore } from '../../test/testSupport';
import {
  ownerApprovalBeyondLimit,
  requireOwnerApproval,
  requireSignedInOwner,
} from './ownerApproval';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.close());

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppFailure) return e.code;
    throw e;
  }
  return 'OK';
};

describe('owner approval', () => {
  it('lets a signed-in owner through every check as their own approver', async () => {
    const owner = requireSignedInOwner(t.ctx, 'see the dashboard');
    expect(owner.role).toBe('owner');
    expect(ownerApprovalBeyondLimit(t.ctx, null, undefined)?.id).toBe(owner.id);
    expect(ownerApprovalBeyondLimit(t.ctx, 'A refund this large', undefined)?.id).toBe(owner.id);
    expect(requireOwnerApproval(t.ctx, undefined, 'Receiving stock').id).toBe(owner.id);
  });

  it("asks a cashier for an owner's PIN only beyond the limit, and forbids owner-only screens", async () => {
    const ownerId = requireSignedInOwner(t.ctx, 'see the dashboard').id;
    const cashier = await t.call('users-create', { name: 'Cass', role: 'cashier', pin: '5555' });
    await t.call('auth-login', { userId: cashier.id, pin: '5555' });
    expect(ownerApprovalBeyondLimit(t.ctx, null, undefined)).toBeNull();
    expect(codeOf(() => ownerApprovalBeyondLimit(t.ctx, 'A refund this large', undefined))).toBe(
      'OWNER_APPROVAL_REQUIRED',
    );
    expect(codeOf(() => ownerApprovalBeyondLimit(t.ctx, 'A refund this large', '000000'))).toBe(
      'BAD_PIN',
    );
    expect(ownerApprovalBeyondLimit(t.ctx, 'A refund this large', OWNER_PIN)?.id).toBe(ownerId);
    expect(codeOf(() => requireOwnerApproval(t.ctx, undefined, 'Receiving stock'))).toBe(
      'OWNER_APPROVAL_REQUIRED',
    );
    expect(codeOf(() => requireSignedInOwner(t.ctx, 'see the dashboard'))).toBe('FORBIDDEN');
  });
});
