// Text that every hop can store: Postgres `text` cannot hold NUL (\u0000) and its UTF-8 encoding
// refuses lone surrogates, so an event carrying either was accepted by the gateway, marked sent
// by the till and then dead-lettered by the warehouse: a sale lost at HQ without a word. Other C0
// controls and DEL are never typed on purpose (they come from a bad scanner, a pasted binary or a
// hostile till) and break receipts and CSV exports, so they are refused too. Tab, line feed and
// carriage return stay allowed (receipt headers and notes may span lines).
import { z } from 'zod';

/** C0 controls except \t \n \r, DEL, and UTF-16 surrogates not part of a pair. */
const FORBIDDEN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u;

export const CONTROL_CHARACTER_MESSAGE =
  'Text cannot contain control characters (such as NUL) or broken Unicode.';

/** True when the text holds nothing Postgres or a receipt would choke on. */
export const isStorableText = (text: string): boolean => !FORBIDDEN_TEXT.test(text);

/** A string schema that refuses control characters and lone surrogates; chain min/max after. */
export const storableString = (): z.ZodString =>
  z.string().refine(isStorableText, CONTROL_CHARACTER_MESSAGE);
