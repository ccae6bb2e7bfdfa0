// How busy the demo shop is on a given day: the Indian wedding season (Nov–Feb) and festival
// weeks (Diwali, Eid, Dussehra, Holi) run far above the monsoon lull (Jun–Aug), weekends above
// weekdays. Festival dates are the published ones for 2022–2027.

/** Month multipliers, January first. */
const MONTH_FACTOR = [1.7, 1.5, 1.0, 0.9, 0.8, 0.6, 0.45, 0.5, 0.8, 1.2, 2.0, 2.1] as const;

/** Sunday first: weekends bring families in. */
const WEEKDAY_FACTOR = [1.35, 0.85, 0.85, 0.9, 0.95, 1.05, 1.3] as const;

const FESTIVALS: readonly string[] = [
  // Diwali
  '2022-10-24',
  '2023-11-12',
  '2024-11-01',
  '2025-10-20',
  '2026-11-08',
  '2027-10-29',
  // Eid al-Fitr
  '2022-05-03',
  '2023-04-22',
  '2024-04-11',
  '2025-03-31',
  '2026-03-20',
  '2027-03-10',
  // Eid al-Adha
  '2022-07-10',
  '2023-06-29',
  '2024-06-17',
  '2025-06-07',
  '2026-05-27',
  '2027-05-17',
  // Dussehra
  '2022-10-05',
  '2023-10-24',
  '2024-10-12',
  '2025-10-02',
  '2026-10-20',
  '2027-10-09',
  // Holi
  '2022-03-18',
  '2023-03-08',
  '2024-03-25',
  '2025-03-14',
  '2026-03-04',
  '2027-03-22',
];

const DAY_MS = 86_400_000;
const festivalDays = FESTIVALS.map((d) => Date.parse(`${d}T00:00:00Z`) / DAY_MS);

/** `day` is days since the epoch of the local calendar date. */
export const festivalBoost = (day: number): number => {
  let boost = 1;
  for (const f of festivalDays) {
    const before = f - day;
    // The week before a festival builds up to ~3×; the day itself is half-day trade.
    if (before >= 1 && before <= 7) boost = Math.max(boost, 1 + 2 * ((8 - before) / 7));
    if (before === 0) boost = Math.max(boost, 0.6);
  }
  return boost;
};

export const dayFactor = (day: number): number => {
  const date = new Date(day * DAY_MS);
  return MONTH_FACTOR[date.getUTCMonth()]! * WEEKDAY_FACTOR[date.getUTCDay()]! * festivalBoost(day);
};

/** Wedding wear swings harder than the shop: it is most of the season's extra trade. */
export const isWeddingSeason = (day: number): boolean => {
  const m = new Date(day * DAY_MS).getUTCMonth();
  return m === 10 || m === 11 || m === 0 || m === 1;
};
