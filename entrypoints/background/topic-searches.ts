// The worker's glue for topics' searches: the sources follow the topics (on every topic change and
// before each poll), and the hour's search requests are kept in storage.local for the cap across topics.
import { getDb } from '@/utils/db/open';
import { followTopicSearches } from '@/utils/db/search-sources';
import { changedTopicIds, loadTopics } from '@/utils/topics/store';
import { searchBaseItem, searchRequestsItem } from '@/utils/storage/items';
import type { SearchRequestLog } from '@/utils/poller/search-poll';
import { broadcast } from './broadcast';

/** Where searches are asked instead of the engines: end-to-end, demo and benchmark builds only (no internet there). */
async function searchBase(): Promise<string | undefined> {
  if (import.meta.env.MODE !== 'e2e') return undefined;
  return (await searchBaseItem.get(browser.storage.local)) || undefined;
}

const locale = () => browser.i18n.getUILanguage?.() || navigator.language || 'en';

/** Makes the search sources follow the topics; true when a search was added or moved (due at once). */
export async function followSearches(): Promise<boolean> {
  const [topics, base] = await Promise.all([loadTopics(browser.storage.sync), searchBase()]);
  const ch = await followTopicSearches(await getDb(), topics, locale(), Date.now(), base);
  if (ch.added || ch.updated || ch.removed) broadcast({ type: 'sourcesChanged' });
  if (ch.itemsRemoved) broadcast({ type: 'itemsChanged' });
  return ch.added + ch.updated > 0;
}

export const searchLog: SearchRequestLog = {
  load: () => searchRequestsItem.get(browser.storage.local),
  save: (times) => searchRequestsItem.set(browser.storage.local, times),
};

/**
 * A topic changed (here or synced): its search follows, in the poll queue (removing a search deletes
 * items, which polls write); a search added or moved is polled at once.
 */
export function registerSearchListener(inPollQueue: <T>(job: () => Promise<T>) => Promise<T>, poll: () => Promise<unknown>, after: () => Promise<unknown>): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' || changedTopicIds(changes) === null) return;
    void inPollQueue(followSearches)
      .then((due) => (due ? poll() : after()))
      .catch((e: unknown) => console.warn('Newsbar: a topic search could not follow its topic', e));
  });
}
