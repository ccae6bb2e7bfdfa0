// The test's own arithmetic for what the till must show, written from the documented rules
// (README / shared/pricing.ts header) rather than by calling the code under test:
//   per line, tax-inclusive store: discount rounds half away from zero; tax = round(taxable × r/(1+r));
//   net = taxable − tax. A partial return takes round-down (truncated) shares of each amount.

/** a / b rounded half away from zero, exact for integers (BigInt). */
export const roundDiv = (a: bigint, b: bigint): number => {
  const negative = a < 0n !== b < 0n;
  const n = a < 0n ? -a : a;
  const d = b < 0n ? -b : b;
  const q = (2n * n + d) / (2n * d);
  return Number(negative ? -q : q);
};

export interface Figures {
  gross: number;
  discount: number;
  tax: number;
  net: number;
  total: number;
}

/** One line of a tax-inclusive sale with an optional percentage line discount. */
export const inclusiveLine = (
  unitPrice: number,
  quantity: number,
  taxBp: number,
  discountBp = 0,
): Figures => {
  const gross = unitPrice * quantity;
  const discount = roundDiv(BigInt(gross) * BigInt(discountBp), 10_000n);
  const taxable = gross - discount;
  const tax = roundDiv(BigInt(taxable) * BigInt(taxBp), BigInt(10_000 + taxBp));
  return { gross, discount, tax, net: taxable - tax, total: taxable };
};

/** The first partial return of `returned` of `sold` units: truncated shares, net = total − tax. */
export const firstPartialReturn = (line: Figures, sold: number, returned: number): Figures => {
  const part = (amount: number) => Math.trunc((amount * returned) / sold);
  // Gross, discount and tax are shared out; total and net follow from them (inclusive store), so
  // gross − discount − tax = net holds for the part too (issue 12: the Z report adds up).
  const gross = part(line.gross);
  const discount = part(line.discount);
  const tax = part(line.tax);
  const total = gross - discount;
  return { gross, discount, tax, net: total - tax, total };
};

export const sum = (lines: readonly Figures[]): Figures =>
  lines.reduce(
    (s, l) => ({
      gross: s.gross + l.gross,
      discount: s.discount + l.discount,
      tax: s.tax + l.tax,
      net: s.net + l.net,
      total: s.total + l.total,
    }),
    { gross: 0, discount: 0, tax: 0, net: 0, total: 0 },
  );
