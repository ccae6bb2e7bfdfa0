// pin_failed: a wrong PIN typed at a till (at sign-in, or as an owner's approval), so HQ sees a
// cashier guessing PINs. One event per failure; the till's lockout (growing delays) bounds how
// many a till can send. schemaVersion 1.
import { z } from 'zod';
import { idSchema } from './common';

export const PIN_ATTEMPTS = ['login', 'owner_pin'] as const;

export const pinFailedPayloadSchema = z.object({
  /** Where the PIN was typed: the sign-in screen, or an owner-approval dialog. */
  attempt: z.enum(PIN_ATTEMPTS),
  /** The user whose PIN was tried at sign-in; null for an owner PIN or an unknown user id. */
  userId: idSchema.nullable(),
  /** That user's name as the till knows it, for HQ's list. */
  userName: z.string().max(100).nullable(),
  /** The signed-in user who typed an owner PIN (null at sign-in). */
  signedInUserId: idSchema.nullable(),
  /** Consecutive failures for this subject on this till, including this one. */
  failures: z.number().int().min(1).max(1_000_000),
  /** UTC epoch ms until which the till refuses this subject's PINs; null when not locked. */
  lockedUntil: z.number().int().min(0).max(4_102_444_800_000).nullable(),
});
