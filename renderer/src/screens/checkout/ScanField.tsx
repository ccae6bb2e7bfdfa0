// The scan field: the checkout's one input. A scanner or the keyboard types a code and Enter adds
// it; typing a name searches, ↑/↓ pick a result and Enter adds it. "3*CODE" adds three.
import { forwardRef, useEffect, useRef, useState } from 'react';
import type { Product } from '../../../../shared/api';
import { call } from '../../api/client';
import { SearchList } from './SearchList';

interface Props {
  onCode: (code: string, quantity: number) => void;
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
  const [highlight, setHighlight] = useState(-1);
  const latest = useRef('');

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

  const submit = () => {
    const picked = highlight >= 0 ? results[highlight] : undefined;
    if (picked) {
      onPick(picked);
      reset();
      return;
    }
    const value = text.trim();
    if (!value) return;
    const multi = /^(\d{1,5})\s*[*xX]\s*(\S+)$/.exec(value);
    if (multi) onCode(multi[2]!, Number(multi[1]));
    else onCode(value, 1);
    reset();
  };

  const listOpen = results.length > 0;
  return (
    <div className="scan-wrap">
      <input
        ref={ref}
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
            submit();
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
