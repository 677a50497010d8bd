// Stories in the worker: the one-off grouping of the stored window after the update (or when the
// setting is turned on), taking every story apart when it is turned off, and "Not the same story".
// One job at a time; each is kill-safe and resumes on the next wake (utils/db/stories/story-regroup.ts).
import { getDb } from '@/utils/db/open';
import { loadSettings } from '@/utils/settings';
import { loadTopics } from '@/utils/topics/store';
import { topicSet } from '@/utils/topics/rematch';
import { regroupStored, ungroupAll } from '@/utils/db/stories/story-regroup';
import { splitFromStory } from '@/utils/db/stories/story-split';
import { updateBadge } from './badge';
import { broadcast } from './broadcast';

let queue: Promise<unknown> = Promise.resolve();

function serial<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job);
  queue = run.catch((e: unknown) => console.warn('Newsbar: grouping stories failed', e));
  return run;
}

/** Brings the stored stories in line with the setting: groups the window once, or takes them apart. */
export function syncStories(): Promise<void> {
  return serial(async () => {
    const db = await getDb();
    const [settings, topics] = await Promise.all([loadSettings(browser.storage.sync), loadTopics(browser.storage.sync)]);
    const changed = settings.groupStories
      ? (await regroupStored(db, topics, Date.now())) > 0
      : (await db.count('stories')) > 0 && (await ungroupAll(db, topicSet(topics))) > 0;
    if (changed) {
      await updateBadge();
      broadcast({ type: 'itemsChanged' });
    }
  });
}

/** "Not the same story" on a report: it leaves its story for good. */
export function notSameStory(itemId: string): Promise<boolean> {
  return serial(async () => {
    const split = await splitFromStory(await getDb(), itemId, topicSet(await loadTopics(browser.storage.sync)));
    if (split) {
      await updateBadge();
      broadcast({ type: 'itemsChanged' });
    }
    return split;
  });
}
