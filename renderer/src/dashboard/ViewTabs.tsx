// The row of view tabs above a set of figures (the till dashboard's Today / Months / Stock / HQ,
// the HQ console's figure views): one tablist, each tab a button with `<testIdPrefix>-<id>`.
export interface ViewTab<T extends string> {
  id: T;
  label: string;
}

export function ViewTabs<T extends string>(p: {
  tabs: readonly ViewTab<T>[];
  selected: T;
  onSelect: (id: T) => void;
  label: string;
  testIdPrefix: string;
}) {
  return (
    <div className="dash-tabs" role="tablist" aria-label={p.label}>
      {p.tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          aria-selected={p.selected === t.id}
          data-testid={`${p.testIdPrefix}-${t.id}`}
          onClick={() => p.onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
