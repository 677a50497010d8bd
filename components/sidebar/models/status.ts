// The sidebar's connection and poll status, and the last error a store action hit.
import { createModel, signal } from '@preact/signals';
import { problemOf, type Problem } from '@/utils/problems';
import type { SidebarEnv } from '../sidebar-env';

export const StatusModel = createModel((env: SidebarEnv) => {
  const polling = signal(false);
  const online = signal(env.online());
  /** What the last failed store action hit, as a problem (worded where shown). */
  const error = signal<Problem | null>(null);
  /** One polite status line per poll ("5 new, 1 breaking"), read out by screen readers; seq tells two equal lines apart. */
  const announcement = signal({ text: '', seq: 0 });
  let pollTimer: ReturnType<typeof setTimeout> | undefined;

  return {
    polling,
    online,
    error,
    announcement,
    announce(text: string) {
      announcement.value = { text, seq: announcement.value.seq + 1 };
    },
    /** Runs a store action; a failure is kept as its problem, to be shown in words instead of being lost. */
    async run<T>(p: () => Promise<T>): Promise<T | undefined> {
      try {
        return await p();
      } catch (e) {
        error.value = problemOf(e);
        return undefined;
      }
    },
    /** Asks the background to poll now. */
    refresh() {
      polling.value = true;
      // The background reports the end of the poll; stop the spinner anyway if that word never comes.
      clearTimeout(pollTimer);
      pollTimer = setTimeout(() => (polling.value = false), 60_000);
      void env.send({ type: 'refresh' });
    },
    setPolling(v: boolean) {
      polling.value = v;
    },
    setOnline(v: boolean) {
      online.value = v;
    },
  };
});

export type Status = InstanceType<typeof StatusModel>;
