// The scan field: the checkout's one input and the till's focus home. A scanner or the keyboard
// types a code and Enter adds it; typing a name searches, ↑/↓ pick a result and Enter adds it (the
// only result needs no ↑/↓). "3*CODE" adds three. A code the catalog does not know stays in the
// field, selected, for correction (the next scan replaces it).
import { forwardRef, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Product } from '../../../../shared/api';
import { call } from '../../api/client';
import { FOCUS_HOME_ATTR } from '../../focus/focusModel';
import { SearchList } from './SearchList';

interface Props {
  /** Adds by barcode or SKU; answers whether it was added. */
  onCode: (code: string, quantity: number) => Promise<boolean>;
  onPick: (product: Product) => void;
  onArrow: (direction: -1 | 1) => void;
  onDeleteLine: () => void;
  onClear: () => void;
}

const SEARCH_DELAY_MS = 150;

export const ScanField = forwardRef<HTMLInputElement, Props>(function ScanField(
  { onCode, onPick, onArrow, onDeleteLine, onClear },
  ref,
) {
  const [text, setText] = useState('');
  const [results, setResults] = useState<Product[]>([]);
  /** The query `results` answer, so an answer for an earlier prefix is never taken by Enter. */
  const [resultsFor, setResultsFor] = useState('');
  const [highlight, setHighlight] = useState(-1);
  const latest = useRef('');
  const input = useRef<HTMLInputElement | null>(null);
  /** A code put back for correction, to be selected as soon as it is on screen. */
  const [kept, setKept] = useState<string | null>(null);
  useLayoutEffect(() => {
    if (kept === null) return;
    // Selected in the same frame, so the next scan or key replaces it; unless typing got there first.
    if (input.current?.value === kept) input.current.select();
    setKept(null);
  }, [kept]);
  const setRefs = useCallback(
    (el: HTMLInputElement | null) => {
      input.current = el;
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    },
    [ref],
  );

  useEffect(() => {
    latest.current = text;
    const query = text.trim();
    if (query.length < 2) {
      setResults([]);
      setHighlight(-1);
      return;
    }
    const timer = window.setTimeout(() => {
      void call('catalog-search', { query, limit: 8 }).then((r) => {
        // A scanner may have pressed Enter already; stale answers must not reopen the list.
        if (latest.current.trim() !== query) return;
        setResults(r.ok ? r.value : []);
        setResultsFor(query);
        setHighlight(-1);
      });
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const reset = () => {
    setText('');
    setResults([]);
    setHighlight(-1);
    latest.current = '';
  };

  /** Puts a code that was not added back in the field, selected, unless the cashier typed on. */
  const keepForCorrection = (value: string, found: Product[]) => {
    if (latest.current !== '') return;
    latest.current = value;
    setText(value);
    setResults(found);
    setResultsFor(value);
    setHighlight(-1);
    setKept(value);
  };

  const submit = async () => {
    const value = text.trim();
    const only = results.length === 1 && resultsFor === value ? results[0] : undefined;
    const picked = highlight >= 0 ? results[highlight] : only;
    if (picked) {
      onPick(picked);
      reset();
      return;
    }
    if (!value) return;
    const multi = /^(\d{1,5})\s*[*xX]\s*(\S+)$/.exec(value);
    // Cleared at once so a scanner's next code types into an empty field.
    reset();
    const added = multi ? await onCode(multi[2]!, Number(multi[1])) : await onCode(value, 1);
    if (added || latest.current !== '') return;
    // Not a code: perhaps a name typed faster than the search answered. Its only match is added.
    const found = multi ? null : await call('catalog-search', { query: value, limit: 8 });
    const matches = found?.ok ? found.value : [];
    if (matches.length === 1 && latest.current === '') onPick(matches[0]!);
    else keepForCorrection(value, matches);
  };

  const listOpen = results.length > 0;
  return (
    <div className="scan-wrap">
      <input
        ref={setRefs}
        {...{ [FOCUS_HOME_ATTR]: '' }}
        className="scan-field"
        data-testid="scan-field"
        aria-label="Scan a barcode, type a SKU or search by name"
        placeholder="Scan barcode, type SKU or search…"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            void submit();
          } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const dir = e.key === 'ArrowDown' ? 1 : -1;
            if (listOpen) setHighlight((h) => Math.max(-1, Math.min(results.length - 1, h + dir)));
            else onArrow(dir);
          } else if (e.key === 'Escape' && (text || listOpen)) {
            e.preventDefault();
            e.stopPropagation();
            reset();
            onClear();
          } else if (e.key === 'Delete' && text === '') {
            e.preventDefault();
            onDeleteLine();
          }
        }}
      />
      {listOpen && (
        <SearchList
          results={results}
          highlight={highlight}
          onPick={(p) => {
            onPick(p);
            reset();
          }}
        />
      )}
    </div>
  );
});
