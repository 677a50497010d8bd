// A size in the user's language ("12.3 MB", "12,3 MB"), in the unit that keeps it short.
export function formatBytes(n: number, locale: string): string {
  const units = [['byte', 1], ['kilobyte', 1024], ['megabyte', 1024 ** 2], ['gigabyte', 1024 ** 3]] as const;
  let [unit, size]: readonly [string, number] = units[0];
  for (const u of units) if (n >= u[1]) [unit, size] = u;
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 }).format(n / size);
}
