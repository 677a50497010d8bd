// How the worker tells open pages (sidebars, the options page) what changed: always after it wrote it
// ("write, then message": the message says what changed, the pages re-read IndexedDB or storage).
import type { Message } from '@/utils/messages';

export function broadcast(msg: Message): void {
  // No open page means no receiver ("Receiving end does not exist"): nobody to tell, which is fine.
  browser.runtime.sendMessage(msg).catch(() => {});
}
