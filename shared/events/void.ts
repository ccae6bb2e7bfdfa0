// cart_void: a sale abandoned before payment ("Void this sale"), with the cashier's reason and,
// above the store's void approval limit, the owner who approved it. Voids are where shrinkage
// hides (ring up, take the cash, void), so each one is an event that reaches HQ, and the shift's
// Z report lists them. schemaVersion 1.
import { z } from 'zod';
import { countSchema, currencySchema, idSchema, minorSchema, uuidSchema } from './common';
import { storableString } from './text';

export const cartVoidPayloadSchema = z.object({
  cartId: idSchema,
  /** The shift open when the sale was voided; null if none was (a parked cart after closing). */
  shiftId: uuidSchema.nullable(),
  cashierId: idSchema,
  cashierName: storableString().max(100),
  /** The owner who approved a void above the limit (or the owner who voided); null otherwise. */
  approverId: idSchema.nullable(),
  reason: storableString().min(1).max(200),
  currency: currencySchema,
  lineCount: countSchema,
  units: z.number().int().min(-1_000_000).max(1_000_000),
  /** What the sale would have taken, tax included: integer minor units. */
  total: minorSchema,
});
