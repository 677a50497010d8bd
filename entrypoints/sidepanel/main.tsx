// Sidebar entry: Chrome's side panel and Firefox's sidebar_action load this same page.
import { render } from 'preact';
import { effect } from '@preact/signals';
import { browser } from 'wxt/browser';
import { App, type LoadedReader } from '@/components/sidebar/App';
import { loadSanitizer } from '@/components/sidebar/ArticleBody';
import { createSidebarStore } from '@/components/sidebar/state';
import { whenIdle } from '@/components/sidebar/first-rows';
import { t } from '@/utils/i18n';
import { browserEnv } from './browser-env';
import { browserLiveEnv } from './live-browser-env';
import { createLiveFollow } from '@/components/sidebar/live-follow';
import '@/components/shared/tokens.css';
import './style.css';

performance.mark('newsbar:start');
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('extName');
const store = createSidebarStore(browserEnv());
// Start reading the store first: the database opens while the page renders its frame.
void store.start();
const live = createLiveFollow(browserLiveEnv());
// The reader (Readability, its rules, its view) loads on the first "Read here", not before.
let reader: Promise<LoadedReader> | undefined;
const loadReader = () =>
  (reader ??= Promise.all([import('@/components/reader'), import('./reader-browser-env')]).then(([m, glue]) => {
    // A page that turns out to be live offers "Follow live": the same follow as a row's button.
    const model = m.createReaderModel({ ...glue.browserReaderEnv(), followLive: (url, title) => live.follow(url, title) });
    return { View: m.ReaderView as LoadedReader['View'], model };
  }));
render(<App store={store} loadReader={loadReader} live={live} />, document.getElementById('app')!);

// A mark for the end-to-end speed check: the first articles are on screen (after the next paint).
let marked = false;
effect(() => {
  if (marked || store.items.value.length === 0) return;
  marked = true;
  requestAnimationFrame(() => setTimeout(() => performance.mark('newsbar:first-items')));
  // The sanitizer an opened article needs is fetched ahead, when the page has nothing else to do (an
  // article opened before then fetches it itself).
  whenIdle(() => void loadSanitizer(), 2000);
});
