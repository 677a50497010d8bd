import { render } from 'preact';
import { t } from '@/utils/i18n';
import { createOptionsStore } from '@/components/options/state';
import { OptionsApp } from '@/components/options/OptionsApp';
import { browserEnv } from './browser-env';
import '@/components/shared/tokens.css';
import './style.css';

document.title = t('opt_title');
document.documentElement.lang = browser.i18n.getUILanguage?.().split('-')[0] || 'en';
const store = createOptionsStore(browserEnv());
// Open the database and read the lists now, while the page renders its frame (OptionsApp asks again
// and gets the same read).
void store.loadOnce();
// The sidebar's "N sources have a problem" opens options.html#sources-failing.
const start = { failingFirst: location.hash === '#sources-failing' };
render(<OptionsApp store={store} start={start} />, document.getElementById('app')!);
