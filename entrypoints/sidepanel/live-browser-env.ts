// The sidebar's browser glue for following live pages: messages with answers, host permissions for
// one site at a time (optional_host_permissions), and the tab in front (activeTab).
import { browser } from 'wxt/browser';
import type { LiveEnv } from '@/components/sidebar/live-follow';

import { hostPattern } from '@/utils/net/host-pattern';

export function browserLiveEnv(): LiveEnv {
  return {
    ask: (m) => browser.runtime.sendMessage(m),
    hasHostAccess: (url) => browser.permissions.contains({ origins: [hostPattern(url)] }),
    requestHostAccess: (url) => browser.permissions.request({ origins: [hostPattern(url)] }),
    async activeTab() {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return tab ? { url: tab.url, title: tab.title } : undefined;
    },
  };
}
