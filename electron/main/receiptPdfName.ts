/** A file name that is safe on every OS (no separators, bounded length), from a receipt number. */
export const receiptPdfName = (receiptNo: string): string =>
  `${receiptNo.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'receipt'}.pdf`;
