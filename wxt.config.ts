import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Chrome MV3 opens the sidebar as a side panel, Firefox (built as MV3: MV2 has no browser.action)
// as a sidebar_action; WXT derives both from entrypoints/sidepanel.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  // The sources zip (for Firefox's review) holds the code, not test screenshots.
  zip: { excludeSources: ['test-results/**', 'docs/**'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['alarms', 'storage', 'notifications'],
    // Default sources and the demo server; user-added sources ask for their host when added.
    host_permissions: [
      'http://127.0.0.1/*',
      'http://localhost/*',
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
  vite: () => ({
    plugins: [preact()],
  }),
});
