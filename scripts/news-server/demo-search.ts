// The demo's news search, shaped like Google News RSS search (/rss/search?q=…): for the demo topic
// "Bridges" it finds reports from outlets the demo does not subscribe to, and the demo's own harbour
// bridge article (which the demo also gets from its world feed). Links are opaque, as Google's are;
// /rss/articles/<id> redirects to the article, as Google's do. Any other search finds nothing.
import { DEMO_ARTICLES } from './demo-content';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The demo topic whose search this serves. */
export const DEMO_SEARCH_TOPIC = { name: 'Bridges', query: 'bridge' };

interface Found {
  id: string;
  title: string;
  outlet: string;
  site: string;
  /** Minutes before the server started; absent: published when the search was first asked (a fresh report). */
  minutesAgo?: number;
}

const shared = DEMO_ARTICLES.find((a) => a.id === 'harbour-bridge')!;

export const DEMO_SEARCH_RESULTS: Found[] = [
  { id: 'cc-rail-bridge', title: 'Cracks found in coast line rail bridge, trains slowed to walking pace', outlet: 'Coastal Courier', site: 'https://coastal-courier.example' },
  { id: 'ml-bridge-club', title: 'Bridge club championship ends in a three-way tie after 40 hours of play', outlet: 'The Metro Ledger', site: 'https://metro-ledger.example', minutesAgo: 48 },
  { id: 'dw-harbour-bridge', title: shared.title, outlet: 'Newsbar Demo World', site: '', minutesAgo: shared.minutesAgo },
];

/**
 * The search's answer. `startedAt`: when the server started; `firstAskedAt`: when this search was first
 * asked, the fresh report's time (in whole seconds, rounded up, so it is never older than the topic that
 * asked: only reports newer than a topic notify). Both fixed, so an unchanged answer gets a 304.
 */
export function demoSearchRss(origin: string, startedAt: number, firstAskedAt: number, q: string): string {
  const found = /bridge/i.test(q) ? DEMO_SEARCH_RESULTS : [];
  const items = found.map((f) => {
    const link = `${origin}/rss/articles/${f.id}?oc=5`;
    const site = f.site || `${origin}/demo/`;
    return `<item><title>${esc(`${f.title} - ${f.outlet}`)}</title><link>${esc(link)}</link><guid isPermaLink="false">${f.id}</guid><pubDate>${new Date(f.minutesAgo === undefined ? Math.ceil(firstAskedAt / 1000) * 1000 : startedAt - f.minutesAgo * 60_000).toUTCString()}</pubDate><description>${esc(`<a href="${link}" target="_blank">${esc(f.title)}</a>&nbsp;&nbsp;<font color="#6f6f6f">${esc(f.outlet)}</font>`)}</description><source url="${esc(site)}">${esc(f.outlet)}</source></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:media="http://search.yahoo.com/mrss/" version="2.0"><channel><generator>NFE/5.0</generator><title>${esc(`${q} - Google News`)}</title><link>${esc(`${origin}/search?q=${encodeURIComponent(q)}`)}</link><language>en-US</language><description>Google News</description>
${items.join('\n')}
</channel></rss>`;
}

/** Where an opaque search link leads: the demo's own article, or a small page of another outlet's. */
export function demoSearchArticle(id: string): { redirect: string } | { html: string } | undefined {
  const f = DEMO_SEARCH_RESULTS.find((x) => x.id === id);
  if (!f) return undefined;
  if (!f.site) return { redirect: `/demo/articles/${shared.id}` };
  return { html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(f.title)} | ${esc(f.outlet)}</title></head><body><article><h1>${esc(f.title)}</h1><p>By the ${esc(f.outlet)} staff.</p><p>More on this story as it develops.</p></article></body></html>` };
}
