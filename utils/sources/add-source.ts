// Adding a source, the one way every page does it: check the address, read what is there, pick the
// feed, apply the duplicate rules, then have the worker add it (the only writer of the sources). The
// effects come in as arguments: what is at an address, the sources there are, and the worker's write.
// Host permissions are the caller's: browsers ask only when it is the first await of a click.
import type { Inspection } from '../inspect-source';
import type { ApiKind, Source } from '../model';
import type { Problem } from '../problems';
import { problemOf } from '../problems';
import type { SourceChange } from '../messages';
import type { DiscoveredFeed } from './detect';
import type { SourcesDone } from './ask-sources';
import { sameFeedIn, type NewSource } from '../db/sources';
import { checkSourceUrl } from '../validate';
import { hostPattern } from '../net/host-pattern';
import { apiRequest } from './api-kinds';
import { KIND_TABLE } from './kinds';

export interface AddSourceDeps {
  /** The sources there are, for the duplicate rules (the worker applies them again as it writes). */
  known(): readonly Source[];
  /** What is at an address (utils/inspect-source.ts, loaded when first needed). */
  inspect(url: string): Promise<Inspection>;
  /** The worker's write (askSourceChange): rejects with the ProblemError it answered. */
  change(c: SourceChange): Promise<SourcesDone>;
}

export type AddOutcome =
  | { kind: 'added'; source: Source }
  /** A web page announcing feeds: the user picks. */
  | { kind: 'page'; url: string; feeds: DiscoveredFeed[] }
  /** The one feed a page announces is on a site the user did not allow. */
  | { kind: 'notAllowed' }
  | { kind: 'problem'; problem: Problem };

export interface AddFeedOptions {
  /** The name the user gave (else the feed's title, else its host). */
  name?: string;
  /** An address from a page's list of feeds: a page there is no feed ('notFeed'), not a new list. */
  fromList?: boolean;
  /** A page announcing one feed: take that feed, once this allows its site, instead of offering it. */
  takeOnlyFeed?(feed: DiscoveredFeed): Promise<boolean>;
}

/** Step one, before the site's permission is asked: the typed address as a URL, or its problem (a duplicate too). */
export { checkSourceUrl as checkAddress };

/** Reads the feed at `url` (or the feeds a page there announces) and adds it unless the user has it already. */
export async function addFeedAt(deps: AddSourceDeps, url: string, opts: AddFeedOptions = {}): Promise<AddOutcome> {
  let r = await deps.inspect(url);
  if (r.kind === 'page' && !opts.fromList && r.feeds.length === 1 && opts.takeOnlyFeed) {
    if (!(await opts.takeOnlyFeed(r.feeds[0]!))) return { kind: 'notAllowed' };
    r = await deps.inspect(r.feeds[0]!.url);
    if (r.kind === 'page') return { kind: 'problem', problem: { code: 'notFeed' } };
  }
  if (r.kind === 'problem') return r;
  if (r.kind === 'page') return opts.fromList ? { kind: 'problem', problem: { code: 'notFeed' } } : r;
  // Its other addresses (after redirects, its self link) count for the duplicate rule, and are kept.
  const aliases = [r.finalUrl, r.selfUrl].filter((x): x is string => !!x && x !== r.url);
  return addChecked(deps, { name: opts.name || r.title, url: r.url, kind: r.feedKind, aliases });
}

/** What is wrong with a news API source as the form holds it. */
export type ApiFault = 'badQuery' | 'noKey' | 'duplicate';

/**
 * A news API source to add: its query (the provider's default request when empty), the host to ask
 * for, or what is wrong. The same query of another provider is another source (the 'request' rule).
 */
export function checkApiSource(kind: ApiKind, query: string, key: string, name: string, known: readonly Source[]): { source: NewSource; origin: string } | { fault: ApiFault } {
  const api = KIND_TABLE[kind].api;
  const q = query.trim() || api.defaultQuery;
  let origin: string;
  try {
    origin = hostPattern(apiRequest(kind, q, key.trim() || 'x').url);
  } catch {
    return { fault: 'badQuery' };
  }
  if (!key.trim()) return { fault: 'noKey' };
  const source: NewSource = { name: name.trim() || api.formLabel, url: q, kind };
  if (sameFeedIn(known, source)) return { fault: 'duplicate' };
  return { source, origin };
}

/** Adds a source checked by its kind's duplicate rule; an API source's key goes with it to storage.local. */
export async function addChecked(deps: AddSourceDeps, source: NewSource, apiKey?: string): Promise<Extract<AddOutcome, { kind: 'added' | 'problem' }>> {
  const same = sameFeedIn(deps.known(), source);
  if (same) return { kind: 'problem', problem: { code: 'duplicate', name: same.name } };
  try {
    const done = await deps.change({ op: 'add', source, ...(apiKey ? { apiKey } : {}) });
    return { kind: 'added', source: done.sources[0]! };
  } catch (e) {
    return { kind: 'problem', problem: problemOf(e) };
  }
}

/** Adds many at once, all or nothing, skipping those there already (a starter pack, an OPML or settings file). */
export async function addMany(deps: Pick<AddSourceDeps, 'change'>, sources: NewSource[], toServer = false): Promise<{ added: Source[]; skipped: SourcesDone['skipped'] }> {
  const done = await deps.change({ op: 'import', sources, ...(toServer ? { toServer } : {}) });
  return { added: done.sources, skipped: done.skipped };
}
