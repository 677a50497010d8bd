// The feed and page parsers as a script of their own, for Chrome's service worker: it imports this
// only when a poll has a body to read (entrypoints/background/parsers.ts), so a wake that parses
// nothing (an alarm with nothing due, a message from a page) does not compile them.
import { parseSourceBody } from '@/utils/sources/parse-body';
import { PARSERS_GLOBAL, type ParsersScript } from '../background/parsers';

export default defineUnlistedScript({
  // Firefox's background is a page that bundles the parsers (see background/parsers.ts).
  include: ['chrome'],
  main() {
    (globalThis as unknown as Record<string, ParsersScript>)[PARSERS_GLOBAL] = { parseSourceBody };
  },
});
