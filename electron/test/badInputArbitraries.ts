// fast-check arbitraries for till API bad-input tests: per method, arbitrary JSON, objects with
// the method's own keys holding values of the wrong type, huge strings, absurd numbers.
import fc from 'fast-check';
import { apiInputs, type ApiMethod } from '../../shared/api/inputs';

const nasty = fc.oneof(
  fc.constantFrom(
    null,
    true,
    -1,
    0,
    1.5,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    '1234',
    'NaN',
    [],
    {},
    '__proto__',
    '../../etc/passwd',
    '\u0000',
    // Issue 11: text no hop can store, and integers one past a Postgres integer column.
    'a\u0000b',
    '\u0001\u001b\u007f',
    '\ud800',
    2 ** 31,
    'x'.repeat(70_000),
  ),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
);

const keysOf = (method: ApiMethod): string[] => {
  const shape = (apiInputs[method] as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
};

/** Input for `method` that is mostly wrong: right keys with wrong values, or anything at all. */
export const inputFor = (method: ApiMethod): fc.Arbitrary<unknown> => {
  const keys = keysOf(method);
  const shaped =
    keys.length > 0
      ? fc.dictionary(fc.constantFrom(...keys), nasty, { maxKeys: keys.length })
      : fc.constant({});
  return fc.oneof(
    { weight: 3, arbitrary: shaped },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
};

/** Methods whose valid calls reach outside the database or take minutes: only invalid input. */
export const ONLY_INVALID: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'sync-enroll',
  'sync-now',
  'setup-init',
  'sale-print',
]);

export const isValidInput = (method: ApiMethod, input: unknown): boolean =>
  apiInputs[method].safeParse(input === undefined ? {} : input).success;
