// What every start of the worker does first. A worker stopped mid-poll (Chrome stops idle workers
// and may kill a busy one) leaves the store consistent, but the badge stale and alerts unshown:
// both are put right on the next wake, not at the next complete poll.
import { drainAlerts } from './alerts';
import { updateBadge } from './badge';
import { syncStories } from './stories';
import { syncMutes } from './mutes';

export async function onWake(): Promise<void> {
  await drainAlerts().catch((e: unknown) => console.warn('Newsbar: pending alerts failed', e));
  await updateBadge();
  // The one-off grouping of stored items, begun after the update, goes on where a stopped worker left it.
  void syncStories();
  // So does re-applying changed mute rules (or rules whose folders' sources changed).
  void syncMutes();
}
