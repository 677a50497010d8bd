// Following live pages from the sidebar: "Follow live" on an article, "Follow this page" for the tab
// in front, "Stop following". Host access is asked for only when needed, after saying why in words.
import { signal } from '@preact/signals';
import type { FollowReply, Message } from '@/utils/messages';
import { t } from '@/utils/i18n';
import { problemText } from '@/utils/problem-text';

/** What following needs from the browser (entrypoints/sidepanel/live-browser-env.ts; fakes in tests). */
export interface LiveEnv {
  /** Sends to the background and returns its answer. */
  ask(m: Message): Promise<unknown>;
  /** Newsbar may already read this page's site (a default source's host, or granted before). */
  hasHostAccess(url: string): Promise<boolean>;
  /** Asks the user for the site (must run inside a click). */
  requestHostAccess(url: string): Promise<boolean>;
  /** The page in front in this window, when Newsbar may see it (activeTab or host access). */
  activeTab(): Promise<{ url?: string; title?: string } | undefined>;
}

/** `at`: the address of the article whose "Follow live" was clicked: the answer shows beside it. */
export type FollowNotice = (
  | { kind: 'ask'; url: string; title?: string; host: string }
  | { kind: 'busy'; url: string }
  | { kind: 'done'; title: string }
  | { kind: 'error'; text: string }
) & { at?: string };

export type LiveFollow = ReturnType<typeof createLiveFollow>;

export function createLiveFollow(env: LiveEnv) {
  const notice = signal<FollowNotice | null>(null);
  /** Addresses being followed right now (their buttons show it). */
  const pending = signal<ReadonlySet<string>>(new Set());

  const hostOf = (url: string) => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  };

  async function doFollow(url: string, title?: string, at?: string) {
    notice.value = { kind: 'busy', url, at };
    pending.value = new Set([...pending.value, url]);
    try {
      const r = (await env.ask({ type: 'followLive', url, title })) as FollowReply | undefined;
      if (!r) notice.value = { kind: 'error', text: t('sb_follow_no_answer'), at };
      else if (r.ok) notice.value = { kind: 'done', title: title || hostOf(url), at };
      else notice.value = { kind: 'error', text: r.problem.code === 'noLiveUpdates' ? t('sb_live_no_updates') : t('sb_follow_failed', problemText(r.problem)), at };
    } finally {
      const next = new Set(pending.value);
      next.delete(url);
      pending.value = next;
    }
  }

  /**
   * "Follow live": follows at once when Newsbar may read the site; otherwise first says why it must ask.
   * `at`: the article clicked (its address), where the answer is shown.
   */
  async function follow(url: string, title?: string, at?: string) {
    if (await env.hasHostAccess(url)) return doFollow(url, title, at);
    notice.value = { kind: 'ask', url, title, host: hostOf(url), at };
  }

  /** The "Allow and follow" click: the browser's own prompt for that one site, then follow. */
  async function allow() {
    const n = notice.value;
    if (n?.kind !== 'ask') return;
    if (await env.requestHostAccess(n.url)) return doFollow(n.url, n.title, n.at);
    notice.value = { kind: 'error', text: t('sb_follow_denied', n.host), at: n.at };
  }

  async function followCurrentTab() {
    const tab = await env.activeTab();
    if (!tab?.url || !/^https?:/i.test(tab.url)) {
      notice.value = { kind: 'error', text: t('sb_follow_tab_unknown') };
      return;
    }
    return follow(tab.url, tab.title);
  }

  async function stop(sourceId: string) {
    await env.ask({ type: 'stopFollowing', sourceId });
  }

  return { notice, pending, follow, allow, followCurrentTab, stop, dismiss: () => (notice.value = null) };
}
