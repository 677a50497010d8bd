// Sets the toolbar badge from the store's counts and the user's badge mode.
import { badgeFor } from '@/utils/badge';
import { badgeTitle } from '@/utils/badge-title';
import { badgeCounts } from '@/utils/db/badge-counts';
import { getDb } from '@/utils/db/open';
import { loadSettings } from '@/utils/settings';

export async function updateBadge(): Promise<void> {
  const settings = await loadSettings(browser.storage.sync);
  const counts = await badgeCounts(await getDb(), Date.now(), settings.breakingWindowMin, settings.countArticles);
  const view = badgeFor(settings.badgeMode, counts);
  await browser.action.setBadgeBackgroundColor({ color: view.color });
  await browser.action.setBadgeText({ text: view.text });
  await browser.action.setTitle({ title: badgeTitle(counts) });
  // Firefox draws the badge text black on dark colours unless told otherwise.
  await browser.action.setBadgeTextColor?.({ color: '#ffffff' }).catch(() => {});
}
