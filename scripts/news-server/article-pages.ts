// The demo news site's article pages, laid out like a real publisher's: navigation, a cookie notice,
// a share bar, a lazy-loaded lead picture, a newsletter box, "related" and "latest" lists, comments,
// scripts and a tracking pixel around the story. The reader has to find the story in all that.
import { DEMO_ARTICLES, type DemoArticle } from './demo-content';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** More of each story than its feed carries: the reader's text is longer than the feed's. */
function storyParagraphs(a: DemoArticle): string {
  return [
    `<p>${esc(a.summary)} The full details were confirmed on ${esc(a.section === 'Sport' ? 'the final day' : 'Tuesday')}, according to people close to the matter who spoke to the ${esc(a.section)} desk.</p>`,
    a.body,
    `<p>Reaction came quickly. Local officials said the news would be discussed at the next public meeting, and several groups asked for the figures behind the decision to be published in full.</p>`,
    `<h2>What happens next</h2>`,
    `<p>A timetable is expected within a month. Until then, ${esc(a.author)} reports, most of those involved say they will wait and see how the first weeks go before drawing conclusions.</p>`,
    `<p>Background reading is in the <a href="/demo/documents/${a.id}.html">documents published with this story</a>.</p>`,
  ].join('\n');
}

function others(a: DemoArticle, n: number): string {
  return DEMO_ARTICLES.filter((x) => x.id !== a.id)
    .slice(0, n)
    .map((x) => `<li><a href="/demo/articles/${x.id}">${esc(x.title)}</a></li>`)
    .join('');
}

/** `padTo` grows the page with the kind of weight real pages carry (menus, inline scripts, teasers) to about that many bytes. */
export function demoArticlePage(id: string, now = Date.now(), padTo = 0): string {
  const a = DEMO_ARTICLES.find((x) => x.id === id);
  if (!a) return '<!doctype html><title>Not found</title><h1>Not found</h1>';
  const published = new Date(now - a.minutesAgo * 60_000).toISOString();
  const page = (pad: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(a.title)} | Newsbar Demo News</title>
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:site_name" content="Newsbar Demo News">
<meta property="og:image" content="/demo/img/${a.id}.svg">
<meta property="article:published_time" content="${published}">
<script>window.analytics = { page: ${JSON.stringify(a.id)} };</script>
<script src="/demo/assets/tracker.js" async></script>
<style>.cookie-banner { position: fixed; bottom: 0 }</style>
</head>
<body>
<div class="cookie-banner" role="dialog" aria-label="Cookies"><p>We use cookies to measure our audience and show you relevant ads. Accept all cookies or change your cookie settings.</p><button>Accept all</button></div>
<header class="site-header"><a href="/demo/">Newsbar Demo News</a>
<nav class="main-nav"><ul><li><a href="/demo/world">World</a></li><li><a href="/demo/business">Business</a></li><li><a href="/demo/sport">Sport</a></li><li><a href="/demo/culture">Culture</a></li><li><a href="/demo/science">Science</a></li></ul></nav></header>
${pad}
<main>
<article class="story">
<header><h1>${esc(a.title)}</h1>
<p class="byline">By <a href="/demo/authors/${a.id}" rel="author">${esc(a.author)}</a></p>
<time datetime="${published}">${published.slice(0, 10)}</time></header>
<div class="share-bar" aria-label="Share"><a href="https://social.example/share">Facebook</a> <a href="https://x.example/share">X</a> <a href="mailto:?subject=story">Email</a></div>
<div class="story-body">
<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/demo/img/${a.id}.svg" alt="${esc(a.section)} picture for this story" width="240" height="160"><figcaption>${esc(a.section)}: a picture from the scene.</figcaption></figure>
${storyParagraphs(a)}
<aside class="newsletter-box"><h3>Stay Updated</h3><p>Subscribe to our newsletter for the day's top stories in your inbox.</p><form><input type="email" aria-label="Email"><button>Sign up</button></form></aside>
<div class="related"><h3>Related</h3><ul>${others(a, 3)}</ul></div>
</div>
<img src="/demo/pixel.gif?a=${a.id}" width="1" height="1" alt="">
</article>
<section class="comments"><h2>Comments (48)</h2><p>Great reporting, thanks.</p></section>
<aside class="latest"><h2>Latest news</h2><ul>${others(a, 5)}</ul></aside>
</main>
<footer><p>© Newsbar Demo News</p></footer>
<script>document.querySelector('.cookie-banner button').onclick = function () {};</script>
</body>
</html>`;
  const bare = page('');
  if (padTo <= bare.length) return bare;
  // Mega-menus and inline bundles: what makes real article pages weigh hundreds of kilobytes.
  const chunk = `<script>/* bundle */ window.__state = ${JSON.stringify({ menu: DEMO_ARTICLES.map((x) => ({ id: x.id, title: x.title, section: x.section })) })};</script>\n<div class="mega-menu" hidden><ul>${others(a, 7)}</ul></div>\n`;
  return page(chunk.repeat(Math.ceil((padTo - bare.length) / chunk.length)));
}

/** The demo's live page: a stream of updates, marked up as one (schema.org LiveBlogPosting). */
export function demoLivePage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Storm on the coast: live</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"LiveBlogPosting","headline":"Storm on the coast: live"}</script>
<link rel="alternate" type="application/atom+xml" title="Live" href="/demo/live.atom"></head>
<body><main class="live-blog"><h1>Storm on the coast: live</h1><p>Updates as they come in.</p></main></body></html>`;
}
