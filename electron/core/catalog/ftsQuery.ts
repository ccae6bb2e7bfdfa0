// Turns what a cashier types into an FTS5 query: every word must match as a prefix. Quotes keep
// user text from being read as FTS syntax (AND, NEAR, column filters, ...).
export const ftsPrefixQuery = (text: string): string | null => {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
};
