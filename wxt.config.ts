import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { trimParsers } from './scripts/build/trim-parsers.ts';
import { pageChunks } from './scripts/build/page-chunks.ts';

const pages = pageChunks();

// Chrome MV3 opens the sidebar as a side panel, Firefox (built as MV3: MV2 has no browser.action)
// as a sidebar_action; WXT derives both from entrypoints/sidepanel.
/** Host permissions only the end-to-end, demo and benchmark builds (mode e2e) ask for. */
export const LOCAL_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  // `browser` is webextension-polyfill's, through utils/browser/polyfill.ts (not the
  // @wxt-dev/webextension-polyfill module, whose ES re-export copies every API namespace at start).
  webExt: { disabled: true },
  // The sources zip (for Firefox's review) holds the code, not test screenshots.
  zip: { excludeSources: ['test-results/**', 'docs/**'] },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab: "Follow this page" may see the address of the tab the user opened Newsbar on.
    permissions: ['alarms', 'storage', 'notifications', 'activeTab'],
    // The default sources; user-added sources ask for their host when added. The local news server of
    // the tests, demo and benchmarks is allowed only in their build (`--mode e2e`), never in the store's.
    host_permissions: [
      ...(mode === 'e2e' ? LOCAL_HOSTS : []),
      'https://feeds.bbci.co.uk/*',
      'https://www.theguardian.com/*',
      'https://rss.nytimes.com/*',
      'https://feeds.npr.org/*',
      'https://www.aljazeera.com/*',
    ],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'newsbar@newsbar.app', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  hooks: {
    // The pages' build only (the worker and the plain scripts are single files already).
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.some((e) => e.type === 'sidepanel')) return;
      const rolldown = (config.build ??= {}).rolldownOptions ??= {};
      rolldown.output = { ...(rolldown.output as object), codeSplitting: { groups: pages.groups } };
      config.plugins = [...(config.plugins ?? []), pages.plugin];
    },
  },
  vite: () => ({
    plugins: [preact(), ...trimParsers()],
    resolve: { alias: { 'wxt/browser': fileURLToPath(new URL('./utils/browser/polyfill.ts', import.meta.url)) } },
  }),
});
