import { z } from 'zod';
import { TENDER_TYPES } from '../tender';
import { storableString } from './text';

/** Integer minor units; safe-integer bounded so sums cannot overflow a double. */
export const minorSchema = z.number().int().min(-1e13).max(1e13);
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/);
export const uuidSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
export const currencySchema = z.string().regex(/^[A-Z]{3}$/);
export const skuSchema = storableString().min(1).max(64);
export const textSchema = storableString().max(200);
export const tenderSchema = z.enum(TENDER_TYPES);
export const quantitySchema = z.number().int().min(-100_000).max(100_000);
export const taxRateBpSchema = z.number().int().min(0).max(10_000);
/** Largest value of a Postgres `integer` column: counts stored as integer stay below it. */
export const PG_INTEGER_MAX = 2_147_483_647;
/** A count the warehouse stores in an `integer` column. */
export const countSchema = z.number().int().min(0).max(PG_INTEGER_MAX);
/** UTC epoch ms between 2000-01-01 and 2100-01-01 (the envelope's and the date dimension's span). */
export const epochMsSchema = z.number().int().min(946_684_800_000).max(4_102_444_800_000);

/**
 * A line's number identifies it within its event (the warehouse keys facts by event and line
 * number, and a return names the original line): two lines with one number are refused.
 */
export const uniqueLineNumbers = (lines: readonly { lineNo: number }[]): boolean =>
  new Set(lines.map((l) => l.lineNo)).size === lines.length;
export const UNIQUE_LINE_NUMBERS_MESSAGE = 'line numbers must be unique within the event';
