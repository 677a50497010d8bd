// Live pages as news sites write them, for the demo, the tests and the benchmarks: a live blog with
// schema.org LiveBlogPosting JSON-LD (and the updates in its markup), and a page with a timestamped
// "Latest" list whose stamps come in the many formats news sites use.

export interface PageUpdate {
  id: string;
  headline?: string;
  /** HTML of the update. */
  html: string;
  at: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** JSON inside <script>: "</script>" must not end the block early. */
const jsonInScript = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

/** ISO 8601 with the page's own offset, as publishers write it: 2025-06-13T20:37:00+02:00. */
export function isoWithOffset(ms: number, offsetMin: number): string {
  const d = new Date(ms + offsetMin * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const sign = offsetMin < 0 ? '-' : '+';
  const o = Math.abs(offsetMin);
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}${sign}${p(Math.floor(o / 60))}:${p(o % 60)}`;
}

export interface LiveBlogOptions {
  url: string;
  title: string;
  updates: PageUpdate[];
  /** coverageEndTime, UTC ms. */
  coverageEnd?: number;
  offsetMin?: number;
  /** Extra page weight (navigation, related stories, scripts) in bytes, as real pages carry. */
  fillerBytes?: number;
  /**
   * Show the times in the viewer's zone (the demo's page in the tab, beside the sidebar, which shows
   * them so): a script rewrites each time's text. Newsbar reads the markup, which keeps the page's own zone.
   */
  localTimes?: boolean;
}

const LOCAL_TIMES = `<script>for (const t of document.querySelectorAll('time[datetime]')) t.textContent = new Date(t.dateTime).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });</script>`;

export function liveBlogHtml(o: LiveBlogOptions): string {
  const off = o.offsetMin ?? 60;
  const first = o.updates.reduce((m, u) => Math.min(m, u.at), Number.POSITIVE_INFINITY);
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    '@id': o.url,
    headline: o.title,
    url: o.url,
    datePublished: isoWithOffset(Number.isFinite(first) ? first : Date.now(), off),
    coverageStartTime: isoWithOffset(Number.isFinite(first) ? first : Date.now(), off),
    ...(o.coverageEnd !== undefined && { coverageEndTime: isoWithOffset(o.coverageEnd, off) }),
    liveBlogUpdate: o.updates.map((u) => ({
      '@type': 'BlogPosting',
      '@id': `${o.url}#${u.id}`,
      url: `${o.url}#${u.id}`,
      headline: u.headline ?? '',
      datePublished: isoWithOffset(u.at, off),
      articleBody: u.html,
    })),
  };
  const posts = o.updates
    .map((u) => `<article class="post" id="${esc(u.id)}"><time datetime="${isoWithOffset(u.at, off)}">${new Date(u.at + off * 60_000).toISOString().slice(11, 16)}</time>${u.headline ? `<h2>${esc(u.headline)}</h2>` : ''}<div class="post-body">${u.html}</div></article>`)
    .join('\n');
  const filler = o.fillerBytes ? fillerHtml(o.fillerBytes) : '';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${esc(o.title)}</title>
<meta property="og:title" content="${esc(o.title)}">
<script type="application/ld+json">${jsonInScript(ld)}</script>
</head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/live">Live</a></li></ul></nav>
<main><h1>${esc(o.title)}</h1>
<div class="liveblog">
${posts}
</div></main>
${filler}
<footer class="site-footer"><p>© Newsbar demo news</p></footer>
${o.localTimes ? LOCAL_TIMES : ''}
</body></html>`;
}

/** Page weight that is not updates: related links, a newsletter box, inline script data. */
function fillerHtml(bytes: number): string {
  const out: string[] = ['<aside class="related"><ul>'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `<li class="related-item"><a href="/story/${i}">Related story number ${i} about the coast, the markets and the weather</a></li>`;
    out.push(line);
    size += line.length;
  }
  out.push('</ul></aside><aside class="newsletter-box"><h3>Sign up</h3><form><input type="email"><button>Go</button></form></aside>');
  return out.join('\n');
}

export interface LatestListOptions {
  title: string;
  updates: Array<{ id: string; text: string; at: number; href?: string }>;
  now: number;
  /** The page's own offset (also written in article:published_time). */
  offsetMin?: number;
}

/** The stamp of the i-th list entry, in one of the formats news sites use. */
export function stampFor(at: number, now: number, offsetMin: number, i: number): string {
  const d = new Date(at + offsetMin * 60_000);
  const h = d.getUTCHours();
  const mi = String(d.getUTCMinutes()).padStart(2, '0');
  const h12 = h % 12 || 12;
  const ap = h < 12 ? 'AM' : 'PM';
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  switch (i % 5) {
    case 0:
      return `<time datetime="${isoWithOffset(at, offsetMin)}">${h12}:${mi} ${ap}</time>`;
    case 1:
      return `<span class="stamp">${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h12}:${mi} ${ap}</span>`;
    case 2:
      return `<span class="stamp">${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${String(h).padStart(2, '0')}:${mi}</span>`;
    case 3:
      return `<span class="stamp">${h12}:${mi}${ap.toLowerCase()}</span>`;
    default: {
      const min = Math.max(1, Math.round((now - at) / 60_000));
      return `<span class="stamp">${min < 120 ? `${min} minutes ago` : `${Math.round(min / 60)} hours ago`}</span>`;
    }
  }
}

export function latestListHtml(o: LatestListOptions): string {
  const off = o.offsetMin ?? -240;
  const items = o.updates
    .map((u, i) => `<li class="latest-item" id="${esc(u.id)}">${stampFor(u.at, o.now, off, i)}<p>${u.href ? `<a href="${esc(u.href)}">${esc(u.text)}</a>` : esc(u.text)}</p></li>`)
    .join('\n');
  const published = o.updates.length ? Math.min(...o.updates.map((u) => u.at)) : o.now;
  return `<!doctype html>
<html lang="en-US"><head><meta charset="utf-8"><title>${esc(o.title)}</title>
<meta property="article:published_time" content="${isoWithOffset(published, off)}">
</head><body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/world">World</a></li></ul></nav></header>
<main><article><h1>${esc(o.title)}</h1><div class="byline">By the desk · <time datetime="${isoWithOffset(published, off)}">today</time></div>
<p>The newest first.</p></article>
<section class="latest"><h2>Latest</h2><ul class="latest-list">
${items}
</ul></section>
<aside class="newsletter-box"><h3>Morning briefing</h3><ul><li><span>7:00 AM</span> Every weekday</li><li><span>12:00 PM</span> Lunchtime headlines</li><li><span>6:00 PM</span> Evening roundup</li></ul></aside>
</main><footer><p>© Newsbar demo news</p></footer></body></html>`;
}

const WORDS = 'storm coast river minister election market bank rail strike museum bridge satellite flood vote court summit talks ceasefire energy prices harvest trade union hospital school budget police airport rescue'.split(' ');

/** A big live page for the benchmark and the tests: `n` updates, about `bytes` of HTML in all. */
export function hugeLivePage(n = 500, bytes = 2 * 1024 * 1024, now = Date.now()): string {
  let s = 7;
  const r = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const sentence = (k: number) => Array.from({ length: k }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
  // Each update appears twice (JSON-LD and markup): size its body to reach `bytes` with some filler.
  const per = Math.max(200, Math.floor((bytes * 0.8) / n / 2) - 200);
  const updates: PageUpdate[] = Array.from({ length: n }, (_, i) => {
    const paras: string[] = [];
    let len = 0;
    while (len < per) {
      const p = `<p>${sentence(20)} <a href="/story/${i}-${paras.length}">${sentence(3)}</a> ${sentence(12)}.</p>`;
      paras.push(p);
      len += p.length;
    }
    return { id: `post-${i}`, headline: i % 3 === 0 ? '' : sentence(7), html: paras.join(''), at: now - (n - i) * 60_000 };
  });
  const page = liveBlogHtml({ url: 'http://127.0.0.1/live/huge', title: 'Huge live page', updates: updates.reverse(), fillerBytes: 1 });
  return page.length >= bytes ? page : page.replace('</body>', `${fillerHtml(bytes - page.length)}</body>`);
}
