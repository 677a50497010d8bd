// Every message exists in English and German with the same placeholders, no catalogue names a key twice
// (JSON keeps the last copy, silently), and every key the code asks for by name is defined.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import en from '@/public/_locales/en/messages.json';
import de from '@/public/_locales/de/messages.json';
import type { Entry } from '@/utils/i18n';

/** The locale files as what they are: a message per key. */
const EN: Record<string, Entry> = en;
const DE: Record<string, Entry> = de;
const LOCALES = ['en', 'de'];

function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const root of ['components', 'utils', 'entrypoints']) {
    const dir = path.resolve(root);
    for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
      if (!/\.tsx?$/.test(f)) continue;
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/\bt\('([a-zA-Z][a-zA-Z0-9_]*)'/g)) keys.add(m[1]);
    }
  }
  return [...keys].sort();
}

/** The keys a catalogue's text names more than once (at the top level). */
function repeatedKeys(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const seen = new Set<string>();
  const repeated: string[] = [];
  // Top-level keys stand at the start of a line, two spaces in: "  \"sb_today\": {".
  for (const m of text.matchAll(/^ {2}"([^"]+)"\s*:/gm)) {
    if (seen.has(m[1])) repeated.push(m[1]);
    seen.add(m[1]);
  }
  expect(seen.size).toBeGreaterThan(100);
  return repeated;
}

describe('message catalogues', () => {
  it('German has every English key, and no other', () => {
    expect(Object.keys(DE).sort()).toEqual(Object.keys(EN).sort());
  });
  it('names each key once', () => {
    for (const locale of LOCALES) expect(repeatedKeys(`public/_locales/${locale}/messages.json`), locale).toEqual([]);
  });
  it('every key the code asks for by name is defined', () => {
    const used = usedKeys();
    expect(used.filter((k) => !(k in EN))).toEqual([]);
    expect(used.length).toBeGreaterThan(200);
  });
  it('German speaks to the user in one form, Sie: no du, dein or dich, and no du-form imperative', () => {
    const informal = /\b(du|dich|dir|dein\w*|bist|hast|willst|kannst|gib|füge|sag|wähle|korrigiere|entferne|speichere|warte|trag|prüf|prüfe|aktualisiere|blende|versuche|klicke|öffne)\b/i;
    const found = Object.entries(DE).filter(([, e]) => informal.test(e.message));
    expect(found.map(([k, e]) => `${k}: ${e.message}`)).toEqual([]);
  });
  it('placeholders match between languages', () => {
    const ph = (e: Entry) => [...(e.message.match(/\$\d/g) ?? []), ...Object.keys(e.placeholders ?? {})].sort().join();
    for (const k of Object.keys(EN)) expect(ph(DE[k]), k).toBe(ph(EN[k]));
  });
});
