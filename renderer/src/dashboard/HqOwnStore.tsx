// The HQ tab before an HQ sign-in: this store's own figures as HQ holds them, from the copy the
// till pulls with its own till token (no HQ account needed, and no admin token ever). The chain's
// figures need an HQ account: the sign-in form sits below.
import { useMemo } from 'react';
import { salesKpis, sumTotals } from '../../../shared/kpi/salesKpis';
import { dashFormat } from './dashboardFormat';
import { KpiTiles } from './KpiTiles';
import { useDashboardCall } from './useDashboardCall';

export function HqOwnStore({ from, to }: { from: string; to: string }) {
  const { data, code, error } = useDashboardCall('dashboard-trends', { from, to, source: 'hq' });
  const f = useMemo(() => (data ? dashFormat(data.currency, data.locale) : null), [data]);
  if (!data || !f) {
    return (
      <p className="dash-source" data-testid="hq-own-store-empty">
        {code === 'NOT_FOUND'
          ? 'This store has no HQ figures on this till yet: they arrive once the till is connected to HQ (Settings → Connect to HQ) and has synced.'
          : (error ?? 'Loading this store’s HQ figures…')}
      </p>
    );
  }
  const total = salesKpis(sumTotals(data.months.map((m) => m.totals)));
  const asOf = new Intl.DateTimeFormat(data.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: data.timeZone,
  }).format(data.asOf);
  return (
    <section data-testid="hq-own-store">
      <h3>This store at HQ</h3>
      <p className="dash-source">Figures HQ holds for this store, as of {asOf}.</p>
      <KpiTiles
        testId="hq-own-store-tiles"
        tiles={[
          { id: 'hq-own-net-sales', label: 'Net sales', value: f.money(total.netSales) },
          { id: 'hq-own-orders', label: 'Orders', value: f.count(total.orders) },
          { id: 'hq-own-aov', label: 'Average order', value: f.money(total.averageOrderValue) },
          { id: 'hq-own-return-rate', label: 'Return rate', value: f.percent(total.rateOfReturn) },
        ]}
      />
    </section>
  );
}
