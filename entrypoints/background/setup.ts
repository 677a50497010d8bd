// Install/start-up chores: the poll alarm and the toolbar button opening the sidebar (sources are the
// user's choice: the sidebar's welcome offers starter packs).

export const POLL_ALARM = 'poll';

/** Creates the alarm only when it is missing: re-creating it on every wake would push it forward forever. */
export async function ensureAlarm(): Promise<void> {
  if (!(await browser.alarms.get(POLL_ALARM))) {
    await browser.alarms.create(POLL_ALARM, { periodInMinutes: 1, delayInMinutes: 0.1 });
  }
}

/** Chrome opens the side panel itself on a click once told so: a setting, not a listener. */
export function openPanelOnClick(): void {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
}

/** Firefox's sidebar is toggled from the click handler: a listener, registered at the top level. */
export function toggleSidebarOnClick(): void {
  browser.action.onClicked.addListener(() => {
    void (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction?.toggle();
  });
}
