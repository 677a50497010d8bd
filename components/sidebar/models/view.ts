// How the list is shown on this device: compact (one line per article) or with summaries and
// pictures. Kept in the page's localStorage, read synchronously so the first paint is already right.
import { createModel, signal } from '@preact/signals';

const COMPACT_KEY = 'newsbar.sidebar.compact';

function readCompact(): boolean {
  try {
    return globalThis.localStorage?.getItem(COMPACT_KEY) === '1';
  } catch {
    return false; // storage refused (private mode): the default view
  }
}

export const ViewModel = createModel(() => {
  const compact = signal(readCompact());
  return {
    compact,
    setCompact(v: boolean) {
      compact.value = v;
      try {
        globalThis.localStorage?.setItem(COMPACT_KEY, v ? '1' : '0');
      } catch {
        // not kept: still switched for this page
      }
    },
  };
});

export type View = InstanceType<typeof ViewModel>;
