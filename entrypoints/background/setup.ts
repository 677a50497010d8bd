// Install/start-up chores: the poll alarm, the first-run sources, the toolbar button opening the sidebar.
import { getDb } from '@/utils/db/schema';
import { addSource, listSources } from '@/utils/db/sources';
import { DEFAULT_SOURCES } from '@/utils/sources/defaults';

export const POLL_ALARM = 'poll';

/** Creates the alarm only when it is missing: re-creating it on every wake would push it forward forever. */
export async function ensureAlarm(): Promise<void> {
  if (!(await browser.alarms.get(POLL_ALARM))) {
    await browser.alarms.create(POLL_ALARM, { periodInMinutes: 1, delayInMinutes: 0.1 });
  }
}

export async function seedDefaultSources(): Promise<void> {
  const db = await getDb();
  if ((await listSources(db)).length > 0) return;
  for (const s of DEFAULT_SOURCES) await addSource(db, s).catch(() => {});
}

/** Chrome opens the side panel itself on a click; Firefox's sidebar is toggled from the click handler. */
export function wireToolbarButton(): void {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome?.sidePanel;
  if (sidePanel) {
    sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
    return;
  }
  browser.action.onClicked.addListener(() => {
    void (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction?.toggle();
  });
}
