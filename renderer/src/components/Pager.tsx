interface Props {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}

/** Previous / next for paged lists, with "41–80 of 230". */
export function Pager({ offset, limit, total, onChange }: Props) {
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(total, offset + limit);
  return (
    <div className="pager">
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        ← Previous
      </button>
      <span>
        {from}–{to} of {total}
      </span>
      <button type="button" disabled={to >= total} onClick={() => onChange(offset + limit)}>
        Next →
      </button>
    </div>
  );
}
