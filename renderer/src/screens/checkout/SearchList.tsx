import type { Product } from '../../../../shared/api';
import { useMoney } from '../../state/settingsContext';

interface Props {
  results: Product[];
  highlight: number;
  onPick: (p: Product) => void;
}

/** Search results under the scan field; ↑/↓ move the highlight, Enter or a tap adds. */
export function SearchList({ results, highlight, onPick }: Props) {
  const money = useMoney();
  return (
    <ul className="search-list" role="listbox" data-testid="search-results">
      {results.map((p, i) => (
        <li
          key={p.id}
          role="option"
          aria-selected={i === highlight}
          className={i === highlight ? 'search-item search-active' : 'search-item'}
          data-testid={`search-item-${p.sku}`}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(p);
          }}
        >
          <span className="search-name">{p.name}</span>
          <span className="search-sku">{p.sku}</span>
          <span className="search-stock">{p.onHand} in stock</span>
          <span className="search-price">{money.format(p.unitPrice)}</span>
        </li>
      ))}
    </ul>
  );
}
