// The headline figures as large tiles. data-testid per tile so tests can read each figure.
export interface Tile {
  id: string;
  label: string;
  value: string;
  hint?: string;
}

export function KpiTiles({ tiles, testId }: { tiles: readonly Tile[]; testId: string }) {
  return (
    <div className="dash-tiles" data-testid={testId}>
      {tiles.map((t) => (
        <div key={t.id} className="dash-tile" data-testid={`kpi-${t.id}`}>
          <span className="dash-tile-label">{t.label}</span>
          <span className="dash-tile-value">{t.value}</span>
          {t.hint && <span className="dash-tile-hint">{t.hint}</span>}
        </div>
      ))}
    </div>
  );
}
