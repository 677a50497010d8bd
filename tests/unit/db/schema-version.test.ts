// Every schema change ships in a new extension version, so an update replaces the old worker (which
// would otherwise keep a connection at the old version and block the upgrade). Adding a migration
// means adding a row here, with a higher version, and bumping package.json's "version" to it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DB_VERSION } from '@/utils/db/open';

/** Schema version -> the first extension version that carries it. */
const SHIPPED_IN: Record<number, string> = {
  3: '0.1.0',
  4: '0.2.0',
  5: '0.3.0',
  6: '0.3.1',
  7: '0.4.0',
  8: '0.5.0',
  9: '0.6.0',
  10: '0.7.0',
  11: '0.8.0',
  12: '0.9.0',
  13: '0.10.0',
  14: '0.11.0',
  15: '0.12.0',
  16: '0.13.0',
  17: '0.14.0',
  18: '0.15.0',
};

const parts = (v: string) => v.split('.').map(Number);
function compare(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

describe('schema version and extension version', () => {
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;

  it('records which extension version carries the current schema', () => {
    expect(SHIPPED_IN[DB_VERSION], `schema ${DB_VERSION} has no row in SHIPPED_IN: add one and bump package.json's version`).toBeDefined();
  });

  it('gives every schema version a newer extension version than the one before', () => {
    const rows = Object.entries(SHIPPED_IN).map(([s, v]) => [Number(s), v] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < rows.length; i++) {
      expect(compare(rows[i][1], rows[i - 1][1]), `schema ${rows[i][0]} must ship in a newer version than schema ${rows[i - 1][0]}`).toBeGreaterThan(0);
    }
  });

  it('has package.json at or past the version that carries the current schema', () => {
    expect(compare(version, SHIPPED_IN[DB_VERSION] ?? '999'), `package.json ${version} is older than ${SHIPPED_IN[DB_VERSION]}`).toBeGreaterThanOrEqual(0);
  });

  it('compares versions by number', () => {
    expect(compare('0.10.0', '0.9.9')).toBeGreaterThan(0);
    expect(compare('1.0', '1.0.0')).toBe(0);
    expect(compare('0.2.0', '0.2.1')).toBeLessThan(0);
  });
});
