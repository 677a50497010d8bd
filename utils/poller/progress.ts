// Tells open pages, while a poll runs, which sources have new items stored: the first at once (so an
// open sidebar shows the first articles within a moment of a refresh), then at most once a second,
// so a poll of hundreds of sources does not make the list reload hundreds of times.
export interface StoredProgress {
  /** A source's new items are stored. */
  stored(sourceId: string): void;
  /** The poll is over (its own message follows): drop what is still waiting. */
  stop(): void;
}

export function storedProgress(send: (sourceIds: string[]) => void, everyMs = 1000, now: () => number = Date.now): StoredProgress {
  let waiting: string[] = [];
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (!waiting.length) return;
    last = now();
    const ids = waiting;
    waiting = [];
    send(ids);
  };
  return {
    stored(sourceId) {
      if (!waiting.includes(sourceId)) waiting.push(sourceId);
      if (timer !== undefined) return;
      const wait = last + everyMs - now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      waiting = [];
    },
  };
}
