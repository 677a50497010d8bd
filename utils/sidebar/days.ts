// Day headers in the article list: "Today", "Yesterday", then the date, by the user's local day.

/** The local calendar day of a time, as a number that sorts (yyyymmdd). */
export function dayKey(ts: number): number {
  const d = new Date(ts);
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
}

export type DayName = { kind: 'today' } | { kind: 'yesterday' } | { kind: 'date'; text: string };

export function dayName(ts: number, now: number, locale: string): DayName {
  const k = dayKey(ts);
  // Future-dated items (shown at their first-seen time) and today's are "Today".
  if (k >= dayKey(now)) return { kind: 'today' };
  const y = new Date(now);
  y.setDate(y.getDate() - 1);
  if (k === dayKey(y.getTime())) return { kind: 'yesterday' };
  const sameYear = new Date(ts).getFullYear() === new Date(now).getFullYear();
  const text = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) }).format(ts);
  return { kind: 'date', text };
}

/** Indexes of the items that start a new day (the list is newest first). */
export function dayStarts(times: readonly number[]): Set<number> {
  const out = new Set<number>();
  let last: number | undefined;
  times.forEach((ts, i) => {
    const k = dayKey(ts);
    if (k !== last) out.add(i);
    last = k;
  });
  return out;
}
