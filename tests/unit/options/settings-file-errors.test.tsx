// A settings file that is refused says which field is wrong by its place in the file, in the user's
// language: the field travels as a field of the error, never inside its (English) message.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import en from '@/public/_locales/en/messages.json';
import de from '@/public/_locales/de/messages.json';
import { setFallbackMessages, type Entry } from '@/utils/i18n';
import { ImportExportSection } from '@/components/options/ImportExportSection';
import { listSources } from '@/utils/db/sources';
import { fakeEnv, loadLaterModules } from './fake-env';

beforeAll(loadLaterModules);
afterEach(() => {
  setFallbackMessages(en as Record<string, Entry>);
  cleanup();
});

const BAD_BADGE = '{"format":"newsbar-settings","version":1,"settings":{"badgeMode":"loud"},"topics":[],"sources":[]}';

async function importFile(text: string): Promise<{ alert: string; db: ReturnType<typeof fakeEnv>['db'] }> {
  const { store, db } = fakeEnv();
  await store.load();
  const { container } = render(<ImportExportSection store={store} />);
  const input = container.querySelector('input[type=file][accept^=".json"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], 'newsbar.json', { type: 'application/json' })], configurable: true });
  fireEvent.change(input);
  return { alert: (await screen.findByRole('alert')).textContent ?? '', db };
}

describe('a refused settings file', () => {
  it('names the bad field in English', async () => {
    const { alert, db } = await importFile(BAD_BADGE);
    expect(alert).toBe('This file has a problem (settings.badgeMode). Nothing was imported.');
    expect(await listSources(await db)).toEqual([]);
  });

  it('and in German, with no English reason inside', async () => {
    setFallbackMessages(de as Record<string, Entry>);
    const { alert } = await importFile(BAD_BADGE);
    expect(alert).toBe('Diese Datei hat ein Problem (settings.badgeMode). Es wurde nichts importiert.');
  });
});
