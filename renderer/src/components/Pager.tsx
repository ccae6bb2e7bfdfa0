interface Props {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
  /** Names the pager and its buttons (`<testId>-prev`, `<testId>-next`) for tests. */
  testId?: string;
  /** Shown after the total, e.g. "about" for an estimated count. */
  totalIsEstimate?: boolean;
}

/** Previous / next for paged lists, with "41–80 of 230". */
export function Pager({ offset, limit, total, onChange, testId, totalIsEstimate }: Props) {
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(total, offset + limit);
  return (
    <div className="pager" data-testid={testId}>
      <button
        type="button"
        data-testid={testId && `${testId}-prev`}
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        ← Previous
      </button>
      <span>
        {from}–{to} of {totalIsEstimate ? 'about ' : ''}
        {total}
      </span>
      <button
        type="button"
        data-testid={testId && `${testId}-next`}
        disabled={to >= total}
        onClick={() => onChange(offset + limit)}
      >
        Next →
      </button>
    </div>
  );
}
