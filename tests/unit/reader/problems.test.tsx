// The reader's problems are codes worded where shown, in the user's language: a German reader never
// shows English (the words come from the catalogue, never from an exception's message).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import en from '@/public/_locales/en/messages.json';
import de from '@/public/_locales/de/messages.json';
import { setFallbackMessages, type Entry } from '@/utils/i18n';
import { FetchError } from '@/utils/net/fetch-source';
import type { Problem } from '@/utils/problems';
import { createReaderModel } from '@/components/reader/model';
import { readerErrorText, ReaderView } from '@/components/reader/ReaderView';
import { readerEnv } from './fixtures';
import type { Item } from '@/utils/model';

const EN: Record<string, Entry> = en;
const DE: Record<string, Entry> = de;

afterEach(async () => {
  setFallbackMessages(EN);
  cleanup();
  await new Promise((r) => setTimeout(r, 150));
});

/** What fetching a page can go wrong with (utils/net/fetch-source.ts with `page`). */
const PAGE_PROBLEMS: Problem[] = [
  { code: 'unreachable' }, { code: 'timeout', seconds: 20 }, { code: 'redirectLoop' }, { code: 'tooLarge', limitMb: 5 },
  { code: 'notPage', type: 'image/png' }, { code: 'http', status: 401 }, { code: 'http', status: 404 }, { code: 'http', status: 410 },
  { code: 'http', status: 418 }, { code: 'http', status: 429, retryAfterMin: 5 }, { code: 'http', status: 503 }, { code: 'http', status: 502 },
];

const error = (problem: Problem) => readerErrorText({ kind: 'error', problem });

describe('the reader\'s problems in words', () => {
  it('in English, a page\'s words where a feed\'s would be wrong', () => {
    expect(error({ code: 'http', status: 404 })).toBe('Could not load the article: the server answered 404: nothing is at this address any more. Here is what the feed sent.');
    expect(error({ code: 'http', status: 410 })).toBe('Could not load the article: the server answered 410: this page has been removed. Here is what the feed sent.');
    expect(error({ code: 'http', status: 418 })).toBe('Could not load the article: the server answered 418 instead of the page. Here is what the feed sent.');
    expect(error({ code: 'http', status: 403 })).toBe('Could not load the article: the server refused access (403): the page may need a login. Here is what the feed sent.');
    expect(error({ code: 'tooLarge', limitMb: 5 })).toBe('Could not load the article: the page is too large (the limit is 5 MB). Here is what the feed sent.');
    expect(error({ code: 'notPage', type: 'application/pdf' })).toBe('Could not load the article: the address is not a web page (application/pdf). Here is what the feed sent.');
    expect(error({ code: 'timeout', seconds: 20 })).toBe('Could not load the article: the server did not answer within 20 seconds. Here is what the feed sent.');
    expect(readerErrorText({ kind: 'error', offline: true })).toBe(EN.rd_offline!.message);
    for (const p of PAGE_PROBLEMS) expect(error(p), JSON.stringify(p)).not.toMatch(/feed is|a feed\b|problem_|\$\d/);
  });

  it('in German, every one of them, with no English left', () => {
    const english = PAGE_PROBLEMS.map(error);
    setFallbackMessages(DE);
    expect(error({ code: 'http', status: 404 })).toBe('Der Artikel konnte nicht geladen werden: der Server hat mit 404 geantwortet: Unter dieser Adresse gibt es nichts mehr. Hier ist, was der Feed geliefert hat.');
    expect(error({ code: 'notPage', type: 'image/png' })).toBe('Der Artikel konnte nicht geladen werden: die Adresse ist keine Webseite (image/png). Hier ist, was der Feed geliefert hat.');
    expect(error({ code: 'http', status: 410 })).toBe('Der Artikel konnte nicht geladen werden: der Server hat mit 410 geantwortet: Diese Seite wurde entfernt. Hier ist, was der Feed geliefert hat.');
    expect(readerErrorText({ kind: 'error', offline: true })).toBe(DE.rd_offline!.message);
    PAGE_PROBLEMS.forEach((p, i) => {
      const german = error(p);
      expect(german, JSON.stringify(p)).not.toBe(english[i]);
      expect(german, JSON.stringify(p)).not.toMatch(/\b(the|could|server answered|page|address|Here is)\b|problem_|\$\d/);
    });
  });

  it('a German reader whose fetch failed shows the German words, not the error\'s message', async () => {
    setFallbackMessages(DE);
    const it: Item = { id: 'a', sourceId: 's', url: 'https://n.example/report.pdf', title: 'Bericht', summaryHtml: '<p>Kurz</p>', contentHtml: '', published: 1, firstSeen: 1, updated: 0, categories: [], read: 0, starred: 0, breaking: 0, alert: 0, topics: [] };
    const env = readerEnv({
      fetchPage: async () => {
        throw new FetchError({ code: 'notPage', type: 'application/pdf' });
      },
    });
    const model = createReaderModel(env);
    await model.open(it);
    const { container } = render(<ReaderView model={model} items={() => [it]} locale="de" onClose={() => {}} />);
    const note = container.querySelector('[role="alert"]')!;
    expect(note.textContent).toBe('Der Artikel konnte nicht geladen werden: die Adresse ist keine Webseite (application/pdf). Hier ist, was der Feed geliefert hat.');
    expect(container.textContent).not.toContain('notPage');
    expect(container.textContent).toContain('Kurz');
  });
});
