// Opening the sidebar on a topic from the worker (a summary notification's click). An open sidebar is
// told; one that opens now finds the topic in storage. A notification click may not count as a user
// gesture for the sidebar: then the sidebar's page opens in a tab. The browser's pieces are passed in
// (entrypoints/background/notifications.ts gives the real ones).
import type { Message } from '../messages';
import type { StorageAreaLike } from '../settings';
import { sidebarTopicItem } from '../storage/items';

export interface OpenSidebarEnv {
  local: StorageAreaLike;
  tell(msg: Message): void;
  /** Chrome's side panel, where there is one. */
  sidePanel?: { open(o: { windowId: number }): Promise<void> };
  /** Firefox's sidebar. */
  sidebarAction?: { open(): Promise<void> };
  lastFocusedWindowId(): Promise<number | undefined>;
  openTab(url: string): Promise<unknown>;
  /** The extension page's address ("/sidepanel.html?…" made absolute). */
  pageUrl(path: string): string;
  now(): number;
}

export async function openSidebarOnTopic(topicId: string, env: OpenSidebarEnv): Promise<void> {
  await sidebarTopicItem.set(env.local, { id: topicId, at: env.now() });
  env.tell({ type: 'showTopic', topicId });
  try {
    if (env.sidePanel) {
      const windowId = await env.lastFocusedWindowId();
      if (windowId !== undefined) return await env.sidePanel.open({ windowId });
    }
    if (env.sidebarAction) return await env.sidebarAction.open();
  } catch {
    // not allowed from here
  }
  await env.openTab(env.pageUrl(`/sidepanel.html?topic=${encodeURIComponent(topicId)}`));
}
