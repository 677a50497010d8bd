// The English messages as `t`'s fallback, for code that runs without browser.i18n: the unit tests and
// the command-line scripts. Importing this registers them; the extension never imports it.
import en from '../public/_locales/en/messages.json';
import { setFallbackMessages, type Entry } from './i18n';

setFallbackMessages(en as unknown as Record<string, Entry>);
