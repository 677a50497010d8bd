// First run: the sidebar's welcome adds sources — a starter pack, or a site or feed the user pastes —
// the one way every page does (utils/sources/add-source.ts; the worker writes), asking for the sites'
// permission inside the click, as browsers require.
import { createModel, signal } from '@preact/signals';
import { listSources } from '@/utils/db/sources';
import { hostPattern } from '@/utils/net/host-pattern';
import { problemOf, ProblemError } from '@/utils/problems';
import { addFeedAt, addMany, checkAddress, type AddOutcome, type AddSourceDeps } from '@/utils/sources/add-source';
import { askSourceChange } from '@/utils/sources/ask-sources';
import type { DiscoveredFeed } from '@/utils/sources';
import { problemSentence } from '@/utils/problem-text';
import { starterPack } from '@/utils/sources/starter-packs';
import { t, tn } from '@/utils/i18n';
import type { SidebarEnv } from '../sidebar-env';

export const WelcomeModel = createModel((env: SidebarEnv, refreshSources: () => Promise<void>, announce: (text: string) => void) => {
  const busy = signal(false);
  /** What went wrong, in plain words (shown under the field). */
  const error = signal('');
  /** What was added, in words. */
  const done = signal('');
  /** The feeds a pasted page offers, when it offers more than one: the user picks (as in the options page). */
  const found = signal<DiscoveredFeed[] | null>(null);
  /** Addresses of found feeds added from the list. */
  const added = signal<ReadonlySet<string>>(new Set());

  /** The use case's effects: the feed parser loads only when first needed, so the first paint does not wait for it. */
  const adding: AddSourceDeps = {
    known: () => [],
    inspect: async (url) => (await import('@/utils/inspect-source')).inspectUrl(url, env.fetch),
    change: (c) => askSourceChange((m) => env.ask(m), c),
  };

  /** The source a use case added, else its problem thrown. */
  function addedName(r: AddOutcome): string {
    if (r.kind === 'added') return r.source.name;
    throw new ProblemError(r.kind === 'problem' ? r.problem : { code: 'notFeed' });
  }

  /** Adds some of the found feeds, asking for their sites inside the click. */
  async function addFoundFeeds(feeds: DiscoveredFeed[]) {
    if (busy.value || feeds.length === 0) return;
    error.value = '';
    const granted = await env.requestOrigins([...new Set(feeds.map((f) => hostPattern(f.url)))]).catch(() => false);
    if (!granted) {
      error.value = t('sb_welcome_no_permission');
      return;
    }
    busy.value = true;
    const names: string[] = [];
    try {
      for (const f of feeds) {
        try {
          names.push(addedName(await addFeedAt(adding, f.url, { name: f.title, fromList: true })));
          added.value = new Set([...added.value, f.url]);
        } catch (e) {
          error.value = problemSentence(problemOf(e));
        }
      }
      if (names.length) await finish(names);
    } finally {
      busy.value = false;
    }
  }

  async function finish(names: string[]) {
    done.value = names.length === 1 ? t('sb_welcome_added_one', names[0]) : t('sb_welcome_added', String(names.length));
    announce(done.value);
    await refreshSources();
  }

  return {
    busy,
    error,
    done,
    found,
    added,
    /** "Add" beside one found feed. */
    addFound: (f: DiscoveredFeed) => addFoundFeeds([f]),
    /** "Add all": the found feeds not added yet. */
    addAllFound: () => addFoundFeeds((found.value ?? []).filter((f) => !added.value.has(f.url))),

    /** Back to the welcome: removes the sources (none of which ever brought an article), for another choice. */
    async startOver() {
      if (busy.value) return;
      const ids = (await listSources(await env.db())).map((s) => s.id);
      await askSourceChange((m) => env.ask(m), { op: 'remove', ids, unsubscribe: false });
      done.value = '';
      await refreshSources();
    },

    /** Adds every feed of a starter pack (those already there are skipped). */
    async addPack(id: string) {
      const pack = starterPack(id);
      if (!pack || busy.value) return;
      error.value = '';
      // First await of the click: the permission prompt needs the user gesture.
      const granted = await env.requestOrigins([...new Set(pack.feeds.map((f) => hostPattern(f.url)))]).catch(() => false);
      if (!granted) {
        error.value = t('sb_welcome_no_permission');
        return;
      }
      busy.value = true;
      try {
        // Those already there are skipped.
        const { added } = await addMany(adding, [...pack.feeds]);
        await finish(added.map((s) => s.name));
      } catch (e) {
        error.value = problemSentence(problemOf(e));
      } finally {
        busy.value = false;
      }
    },

    /** Adds a pasted feed address, or the first feed a pasted web page announces. */
    async addAddress(input: string) {
      if (busy.value) return;
      error.value = '';
      const check = checkAddress(input, []);
      if ('problem' in check) {
        error.value = problemSentence(check.problem);
        return;
      }
      const granted = await env.requestOrigins([hostPattern(check.url)]).catch(() => false);
      if (!granted) {
        error.value = t('sb_welcome_no_permission');
        return;
      }
      busy.value = true;
      found.value = null;
      try {
        // A page announcing one feed: that feed, which may live on another site than the page.
        const allow = (f: DiscoveredFeed) => hostPattern(f.url) === hostPattern(check.url) ? Promise.resolve(true) : env.requestOrigins([hostPattern(f.url)]).catch(() => false);
        const r = await addFeedAt(adding, check.url, { takeOnlyFeed: allow });
        if (r.kind === 'page') {
          // Several feeds: offered by name, to add one, some or all (as the options page does).
          added.value = new Set();
          found.value = r.feeds;
          announce(tn('opt_found_feeds', r.feeds.length));
          return;
        }
        if (r.kind === 'notAllowed') {
          error.value = t('sb_welcome_no_permission');
          return;
        }
        await finish([addedName(r)]);
      } catch (e) {
        error.value = problemSentence(problemOf(e));
      } finally {
        busy.value = false;
      }
    },
  };
});

export type Welcome = InstanceType<typeof WelcomeModel>;
