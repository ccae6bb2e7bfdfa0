import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../../shared/result';
import { retryWithOwnerPin } from './ownerApprovalRetry';

/** A stand-in for the core's rule: the action needs owner PIN 9876. */
const core =
  (calls: (string | undefined)[]) =>
  async (pin: string | undefined): Promise<Result<string>> => {
    calls.push(pin);
    if (pin === undefined)
      return err('OWNER_APPROVAL_REQUIRED', 'A discount this large needs an owner.');
    return pin === '9876' ? ok('applied') : err('BAD_PIN', 'That owner PIN is not right.');
  };

describe('retryWithOwnerPin', () => {
  it('passes answers through when no approval is needed', async () => {
    let asked = 0;
    const r = await retryWithOwnerPin(
      async () => ok(1),
      async () => (asked++, '1'),
    );
    expect(r).toEqual(ok(1));
    expect(asked).toBe(0);
  });

  it('asks again after a wrong PIN, showing why, then succeeds', async () => {
    const calls: (string | undefined)[] = [];
    const prompts: (string | null)[] = [];
    const pins = ['1111', '9876'];
    const r = await retryWithOwnerPin(core(calls), async (_reason, previous) => {
      prompts.push(previous);
      return pins.shift() ?? null;
    });
    expect(r).toEqual(ok('applied'));
    expect(calls).toEqual([undefined, '1111', '9876']);
    expect(prompts).toEqual([null, 'That owner PIN is not right.']);
  });

  it('returns the original answer when the owner cancels', async () => {
    const r = await retryWithOwnerPin(core([]), async () => null);
    expect(r.ok === false && r.error.code).toBe('OWNER_APPROVAL_REQUIRED');
  });

  it('hands the approval box the details of what is approved', async () => {
    const details = { kind: 'discount', lineNo: 1, shareBp: 2500, amount: 4_399_75, limitBp: 1000 };
    const seen: unknown[] = [];
    await retryWithOwnerPin(
      async () => err('OWNER_APPROVAL_REQUIRED', 'A discount of 25 % needs an owner.', details),
      async (_reason, _previous, d) => (seen.push(d), null),
    );
    expect(seen).toEqual([details]);
  });
});
