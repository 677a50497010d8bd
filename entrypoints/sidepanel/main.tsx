// Sidebar entry: Chrome's side panel and Firefox's sidebar_action load this same page.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '@/components/sidebar/App';
import { createSidebarStore } from '@/components/sidebar/state';
import { t } from '@/utils/i18n';
import { browserEnv } from './env';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('extName');
const store = createSidebarStore(browserEnv());
render(<App store={store} />, document.getElementById('app')!);
void store.start();
