// The poll of a topic's search feed (a source with `topicId`), where it differs from any source's: its
// schedule follows utils/search-feeds/politeness.ts, the engine asking to slow down is remembered on the
// source (the topic says so), only the items the topic's own query matches are kept, and searches across
// topics share an hourly cap.
import type { ParsedItem, Source } from '../model';
import type { TopicSet } from '../topic-matches';
import { keepMatching } from '../search-feeds/topic-search';
import { keepLastHour, nextSearchAfterFailure, nextSearchAfterSuccess, underHourlyCap } from '../search-feeds/politeness';

export const isTopicSearch = (s: Source): boolean => !!s.topicId;

/** The schedule after the engine answered (200 or 304). */
export function searchSuccessPatch(source: Source, now: number, random: () => number): Partial<Source> {
  return { nextPollAt: nextSearchAfterSuccess(now, source.intervalMin, random), throttledUntil: undefined };
}

/** The schedule after a failure: a 429 or 503 waits hours (and the topic says until when). */
export function searchFailurePatch(source: Source, now: number, failures: number, status: number | undefined, retryAfterMs: number | undefined, random: () => number): Partial<Source> {
  const next = nextSearchAfterFailure(now, source.intervalMin, failures, { status, retryAfterMs }, random);
  return { nextPollAt: next.at, throttledUntil: next.throttledUntil, ...(next.throttledUntil && { retryUntil: next.throttledUntil }) };
}

/** The fetched items the owning topic's query matches; none when the topic is gone (its source goes next). */
export function topicItems(source: Source, items: ParsedItem[], topics: TopicSet | undefined): ParsedItem[] {
  const topic = source.topicId ? topics?.topicsById.get(source.topicId) : undefined;
  if (!source.topicId) return items;
  return topic ? keepMatching(topic, items) : [];
}

/**
 * The due sources under the hourly cap on searches: every other source, and topics' searches while the
 * hour's requests (`times`) leave room; `times` comes back with the searches let through added.
 */
export function capSearches(due: Source[], times: readonly number[], now: number): { due: Source[]; times: number[] } {
  const kept = keepLastHour(times, now);
  const out: Source[] = [];
  for (const s of due) {
    if (!isTopicSearch(s)) out.push(s);
    else if (underHourlyCap(kept, now).ok) {
      kept.push(now);
      out.push(s);
    }
  }
  return { due: out, times: kept };
}

/** Where the hour's search requests are kept (storage.local in the worker). */
export interface SearchRequestLog {
  load(): Promise<number[]>;
  save(times: number[]): Promise<void>;
}
