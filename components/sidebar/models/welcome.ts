// First run: the sidebar's welcome adds sources itself — a starter pack, or a site or feed the user
// pastes — asking for the sites' permission inside the click, as browsers require.
import { createModel, signal } from '@preact/signals';
import { addSource, listSources, removeSource } from '@/utils/db/sources';
import { checkSourceUrl } from '@/utils/validate';
import { hostPattern } from '@/utils/net/host-pattern';
import { problemOf, ProblemError } from '@/utils/problems';
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

  /** Reads a feed and adds it under `name` (else its own title). */
  async function addFeed(url: string, name?: string): Promise<string | undefined> {
    const { inspectUrl } = await import('@/utils/inspect-source');
    const r = await inspectUrl(url, env.fetch);
    if (r.kind === 'problem') throw new ProblemError(r.problem);
    if (r.kind !== 'feed') throw new ProblemError({ code: 'noFeedHere' });
    const aliases = [r.finalUrl, r.selfUrl].filter((x): x is string => !!x && x !== r.url);
    const src = await addSource(await env.db(), { name: name || r.title || new URL(r.url).hostname, url: r.url, kind: r.feedKind, aliases }, env.now());
    return src.name;
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
          const name = await addFeed(f.url, f.title);
          if (name) names.push(name);
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
    await env.send({ type: 'sourcesChanged' });
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
      const db = await env.db();
      for (const s of await listSources(db)) await removeSource(db, s.id);
      done.value = '';
      await env.send({ type: 'sourcesChanged' });
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
        const db = await env.db();
        const added: string[] = [];
        for (const f of pack.feeds) {
          const src = await addSource(db, f, env.now()).catch(() => undefined); // already there: skipped
          if (src) added.push(src.name);
        }
        await finish(added);
      } finally {
        busy.value = false;
      }
    },

    /** Adds a pasted feed address, or the first feed a pasted web page announces. */
    async addAddress(input: string) {
      if (busy.value) return;
      error.value = '';
      const check = checkSourceUrl(input, []);
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
        // The feed parser loads only now: the sidebar's first paint does not wait for it.
        const { inspectUrl } = await import('@/utils/inspect-source');
        let r = await inspectUrl(check.url, env.fetch);
        if (r.kind === 'page' && r.feeds.length > 1) {
          // Several feeds: offered by name, to add one, some or all (as the options page does).
          added.value = new Set();
          found.value = r.feeds;
          announce(tn('opt_found_feeds', r.feeds.length));
          return;
        }
        if (r.kind === 'page') {
          const first = r.feeds[0];
          // The feed may live on another site than the page.
          if (hostPattern(first.url) !== hostPattern(check.url) && !(await env.requestOrigins([hostPattern(first.url)]).catch(() => false))) {
            error.value = t('sb_welcome_no_permission');
            return;
          }
          r = await inspectUrl(first.url, env.fetch);
        }
        if (r.kind === 'problem') {
          error.value = problemSentence(r.problem);
          return;
        }
        if (r.kind !== 'feed') {
          error.value = problemSentence({ code: 'noFeedHere' });
          return;
        }
        const aliases = [r.finalUrl, r.selfUrl].filter((x): x is string => !!x && x !== r.url);
        const src = await addSource(await env.db(), { name: r.title || new URL(r.url).hostname, url: r.url, kind: r.feedKind, aliases }, env.now());
        await finish([src.name]);
      } catch (e) {
        error.value = problemSentence(problemOf(e));
      } finally {
        busy.value = false;
      }
    },
  };
});

export type Welcome = InstanceType<typeof WelcomeModel>;
