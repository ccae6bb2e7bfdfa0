// The contract's zod schemas say what a form may hold; this turns their issues into one message
// per field, so each form shows the very rules the server applies, next to the field at fault.
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** The first issue of each top-level field (later issues of the same field wait their turn). */
export const fieldErrorsOf = (error: z.ZodError): FieldErrors => {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '_';
    if (!(field in out)) out[field] = issue.message;
  }
  return out;
};

/** The parsed value, or the field errors. */
export const validate = <S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; value: z.output<S> } | { ok: false; errors: FieldErrors } => {
  const r = schema.safeParse(value);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: fieldErrorsOf(r.error) };
};
