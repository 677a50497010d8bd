// Mute rules in the worker: the set a poll applies, and re-applying the rules to stored items after
// they change (a rule added, edited or removed here or on another device, or a source moved between
// folders). The job runs in the poll queue, so a poll never stores items under rules the job has
// already replaced; it is kill-safe and goes on at the next wake (utils/mutes/rematch.ts).
import { getDb } from '@/utils/db/open';
import { listSources } from '@/utils/db/sources';
import { loadMuteRules } from '@/utils/mutes/store';
import { muteRematchDone, rematchMutes, rulesSignature } from '@/utils/mutes/rematch';
import { inPollQueue } from './poll-runner';
import { updateBadge } from './badge';
import { broadcast } from './broadcast';

/** Brings the stored items in line with the rules (nothing to do when they already are). */
export function syncMutes(): Promise<void> {
  return inPollQueue(async () => {
    const db = await getDb();
    const [rules, sources] = await Promise.all([loadMuteRules(browser.storage.sync), listSources(db)]);
    if (await muteRematchDone(db, rulesSignature(rules, sources))) return;
    const { changed } = await rematchMutes(db, rules, sources);
    if (changed > 0) {
      await updateBadge();
      broadcast({ type: 'itemsChanged' });
    }
  });
}
