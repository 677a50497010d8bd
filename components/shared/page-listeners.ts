// The runtime-message and storage-change subscriptions the sidebar and the options page share.
import { browser } from 'wxt/browser';

export function onRuntimeMessage(cb: (m: unknown) => void): () => void {
  const l = (m: unknown) => {
    cb(m);
    return undefined; // no reply: keep the channel free for the background's own listeners
  };
  browser.runtime.onMessage.addListener(l);
  return () => browser.runtime.onMessage.removeListener(l);
}

export function onStorageKeysChanged(cb: (keys: string[], area: string) => void): () => void {
  const l = (changes: Record<string, unknown>, area: string) => cb(Object.keys(changes), area);
  browser.storage.onChanged.addListener(l);
  return () => browser.storage.onChanged.removeListener(l);
}
