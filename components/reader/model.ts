// The reader's state and what the user can do with it: which item is open in the reader, what its
// page gave (article, a non-article, an error) and the reading preferences. No DOM here besides the
// extraction the sidebar page runs; the browser comes in through ReaderEnv.
import { signal } from '@preact/signals';
import type { Item } from '@/utils/model';
import { browserDom, extractArticle, type NoArticleReason, type ReaderArticle, type ReaderDom } from '@/utils/reader/extract';
import { getCopy, imagesAsLinks, putCopy, sweepCopies } from '@/utils/reader/cache';
import { problemOf, type Problem } from '@/utils/problems';
import { sanitizeReaderHtml } from '@/utils/sanitize';
import { t } from '@/utils/i18n';
import type { ReaderEnv, ReaderPrefs } from './reader-env';

export type ReaderState =
  /** Fetching and extracting. */
  | { kind: 'loading' }
  /** The article; `offline` when it came from the kept copy (pictures as links). */
  | { kind: 'article'; article: ReaderArticle; offline: boolean }
  /** No permission for the site yet: the feed's content below the question. */
  | { kind: 'ask'; origin: string; host: string }
  /** Not an article (or none found): the feed's content with a note. */
  | { kind: 'fallback'; reason: NoArticleReason }
  /** Offline with no kept copy: the feed's content with a note. */
  | { kind: 'error'; offline: true }
  /** Fetching failed: the feed's content with the problem, worded where it is shown. */
  | { kind: 'error'; problem: Problem };

export type ReaderModel = ReturnType<typeof createReaderModel>;

function originOf(url: string): { origin: string; host: string } | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? { origin: u.origin, host: u.host } : undefined;
  } catch {
    return undefined;
  }
}

export function createReaderModel(env: ReaderEnv, dom: ReaderDom = browserDom()) {
  const item = signal<Item | null>(null);
  const state = signal<ReaderState>({ kind: 'loading' });
  const prefs = signal<ReaderPrefs>({ fontStep: 1 });
  let seq = 0;
  let swept = false;

  void env.loadPrefs().then((p) => (prefs.value = p), () => undefined);

  async function keep(it: Item, article: ReaderArticle) {
    const db = await env.db();
    const textOnly = imagesAsLinks(article.html, (h) => dom.parse(h, article.url), (alt) => (alt ? t('rd_image_alt', alt) : t('rd_image')));
    await putCopy(db, { itemId: it.id, readAt: env.now(), article: { ...article, html: textOnly } });
    if (!swept) {
      swept = true;
      await sweepCopies(db);
    }
  }

  async function load(it: Item, mine: number) {
    const where = originOf(it.url);
    if (!where) {
      state.value = { kind: 'fallback', reason: 'none' };
      return;
    }
    // A copy kept from an earlier reading opens at once, and with no network.
    const copy = await getCopy(await env.db(), it.id).catch(() => undefined);
    if (mine !== seq) return;
    if (copy) {
      const article = { ...copy.article, html: sanitizeReaderHtml(copy.article.html, copy.article.url, dom.win) };
      state.value = { kind: 'article', article, offline: true };
      return;
    }
    if (!(await env.canRead(where.origin))) {
      if (mine === seq) state.value = { kind: 'ask', ...where };
      return;
    }
    if (!env.online()) {
      state.value = { kind: 'error', offline: true };
      return;
    }
    try {
      const page = await env.fetchPage(it.url);
      if (mine !== seq) return;
      const r = extractArticle(page.html, page.url, dom);
      if (mine !== seq) return;
      if (!r.ok) {
        state.value = { kind: 'fallback', reason: r.reason };
        return;
      }
      state.value = { kind: 'article', article: r.article, offline: false };
      await keep(it, r.article).catch(() => undefined); // a full disk only costs the offline copy
    } catch (e) {
      if (mine !== seq) return;
      state.value = { kind: 'error', problem: problemOf(e) };
    }
  }

  /** Opens `it` in the reader. */
  function open(it: Item): Promise<void> {
    const mine = ++seq;
    item.value = it;
    state.value = { kind: 'loading' };
    return load(it, mine);
  }

  function close() {
    seq++;
    item.value = null;
  }

  /** The user's answer to the permission question (call straight from the click). */
  async function allow(all: boolean): Promise<void> {
    const s = state.value;
    const it = item.value;
    if (s.kind !== 'ask' || !it) return;
    const asked = env.askToRead(s.origin, all);
    const granted = await asked.catch(() => false);
    if (granted && item.value === it) await open(it);
  }

  function setFont(step: 0 | 1 | 2) {
    prefs.value = { ...prefs.value, fontStep: step };
    void env.savePrefs(prefs.value).catch(() => undefined);
  }

  return { item, state, prefs, open, close, allow, setFont, followLive: env.followLive };
}
