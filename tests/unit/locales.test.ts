// Every sidebar string exists in English and German, and every key the components use is defined.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import en from '@/public/_locales/en/messages.json';
import de from '@/public/_locales/de/messages.json';
import type { Entry } from '@/utils/i18n';

/** The locale files as what they are: a message per key. */
const EN: Record<string, Entry> = en;
const DE: Record<string, Entry> = de;

const sbKeys = (m: Record<string, unknown>) => Object.keys(m).filter((k) => k.startsWith('sb_')).sort();

function usedKeys(): string[] {
  const dir = path.resolve('components/sidebar');
  const keys = new Set<string>();
  // Walks subfolders too (the store's models live in components/sidebar/models/).
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    if (!/\.tsx?$/.test(f)) continue;
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/\bt\('(sb_[a-z0-9_]+)'/g)) keys.add(m[1]);
  }
  return [...keys].sort();
}

describe('sidebar strings', () => {
  it('German has every English sidebar key', () => {
    expect(sbKeys(de)).toEqual(sbKeys(en));
  });
  it('every key used by the sidebar is defined', () => {
    const defined = new Set(sbKeys(en));
    expect(usedKeys().filter((k) => !defined.has(k))).toEqual([]);
    expect(usedKeys().length).toBeGreaterThan(30);
  });
  it('placeholders match between languages', () => {
    const ph = (s: string) => (s.match(/\$\d/g) ?? []).sort().join();
    for (const k of sbKeys(en)) expect(ph(DE[k].message), k).toBe(ph(EN[k].message));
  });
});
