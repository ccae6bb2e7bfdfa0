// A value that follows another after it has been still for `ms`: the catalog search asks HQ once
// the person pauses typing, not on every key.
import { useEffect, useState } from 'react';

export const useDebounced = <T>(value: T, ms: number): T => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
};
