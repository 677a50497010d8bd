// Newsbar's own rules for what Readability leaves in: newsletter and subscription boxes,
// "related"/"latest" lists, share bars, cookie notices, ads and comment widgets. Each rule is
// guarded so it never takes the article itself (a box holding most of the page's text stays).

export type BoilerplateKind = 'cookie' | 'newsletter' | 'related' | 'share' | 'ad' | 'comments' | 'chrome';

/** class/id/aria-label/data-* words that name a kind of box. Matched on whole tokens. */
const NAME_RULES: Array<[BoilerplateKind, RegExp]> = [
  ['cookie', /^(?:cookies?|cookiebanner|cookienotice|consent|gdpr|cmp|onetrust|didomi|cc-banner)$/],
  ['newsletter', /^(?:newsletters?|subscribe|subscription|signup|optin|mailinglist|emailsignup|inlinesignup)$/],
  ['related', /^(?:related|recommended|recommendations?|morestories|mostread|mostpopular|mostviewed|trending|latest|readmore|readnext|alsoread|outbrain|taboola|upnext|teasers?)$/],
  ['share', /^(?:share|shares|sharing|sharebar|sharetools|sharelinks|social|socialbar|socialshare)$/],
  ['ad', /^(?:ad|ads|advert|adverts|advertisement|adslot|adunit|sponsor|sponsored|promo|dfp)$/],
  ['comments', /^(?:comments?|disqus)$/],
];

/** Headings that introduce a list of other stories. */
const LIST_HEADING = /^(?:related(?: (?:stories|articles|content|coverage|news))?|latest(?: (?:news|stories|headlines|from .+))?|more (?:from|on|news|stories)\b.*|read (?:more|next)|most (?:read|popular|viewed)|recommended(?: for you)?|you (?:may|might) also (?:like|enjoy)|trending(?: now)?|top stories|don't miss|further reading|mehr zum thema|das könnte sie auch interessieren|neueste(?: nachrichten)?|verwandte artikel)\s*:?$/i;

/** Sentences of a newsletter or subscription pitch. */
const PITCH = /\b(?:(?:subscribe|sign up) (?:for|to) (?:our|the|my) .{0,30}\b(?:newsletters?|briefing|digest|emails?|alerts|bulletin)|stay updated\b|subscribe now\b|get (?:the|our) .{0,40}\b(?:newsletter|in your inbox)|delivered (?:straight )?to your inbox|join \d[\d,.]* (?:readers|subscribers)|newsletter abonnieren|jetzt abonnieren)/i;

/** Sentences of a cookie notice. */
const COOKIE = /\b(?:we use cookies|this (?:site|website) uses cookies|uses cookies to|accept (?:all )?cookies|cookie (?:settings|preferences|policy)|wir verwenden cookies)\b/i;

/** Share bars say little besides the networks' names. */
const SHARE_TEXT = /^(?:share(?: this(?: article| story)?)?|teilen|tweet|facebook|twitter|x|linkedin|whatsapp|email|e-mail|reddit|pinterest|copy link|print|messenger|telegram|bluesky|mastodon|threads|[\s|·•,:/-])+$/i;

function tokens(el: Element): string[] {
  const raw = [el.getAttribute('class'), el.id, el.getAttribute('aria-label'), el.getAttribute('data-component'), el.getAttribute('data-module')]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  // "c-share__bar" and "ShareBar" both count as share words.
  // "c-share__bar", "share-bar" and "ShareBar" all give "share"; "most-read" also gives "mostread".
  // State modifiers ("has-shares", "no-ads", "is-sponsored") describe the box, they do not name it.
  return raw
    .split(/[\s_]+|--/)
    .filter((t) => !/^(?:has|no|with|without|is|show|hide|js)-/.test(t))
    .flatMap((t) => [t, t.replace(/-/g, ''), ...t.split('-')])
    .filter(Boolean);
}

export function kindByName(el: Element): BoilerplateKind | undefined {
  const ts = tokens(el);
  for (const [kind, re] of NAME_RULES) if (ts.some((t) => re.test(t))) return kind;
  return undefined;
}

/** Text with a space between nodes, so "Stay Updated" in an h3 does not run into the next line. */
function spacedText(el: Element): string {
  const parts: string[] = [];
  const walk = (n: Node) => (n.nodeType === 3 ? parts.push(n.nodeValue ?? '') : n.childNodes.forEach(walk));
  walk(el);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

const textLen = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;

function linkTextLen(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += textLen(a);
  return n;
}

/** Share of an element's text that sits inside links (1 for a list of headlines). */
export function linkDensity(el: Element): number {
  const total = textLen(el);
  return total === 0 ? 0 : linkTextLen(el) / total;
}

/** A real picture (not an icon) inside: share bars carry icons, never photos. */
function hasPicture(el: Element): boolean {
  return Array.from(el.querySelectorAll('img')).some((img) => {
    const w = Number.parseInt(img.getAttribute('width') ?? '', 10);
    return !/^data:/i.test(img.getAttribute('src') ?? '') && (!Number.isFinite(w) || w >= 100);
  });
}

const BLOCKS = 'div, section, aside, ul, ol, form, p, nav, footer, header, figure, dialog, span, li';

/**
 * Whether `el` is boilerplate of some kind. `bodyText` is the length of the whole text the element
 * lives in: a box holding more than a third of it is taken to be the article and kept.
 */
export function boilerplateKind(el: Element, bodyText: number): BoilerplateKind | undefined {
  const tag = el.tagName.toLowerCase();
  if (tag === 'body' || tag === 'html' || tag === 'main' || tag === 'article') {
    // Only a small article element can be a teaser card; the main one never goes.
    if (tag !== 'article' || bodyText === 0 || textLen(el) > bodyText / 3) return undefined;
  }
  // Figures are content: their caption and picture stay whatever their class says.
  if (tag === 'figure' || tag === 'picture') return undefined;
  const len = textLen(el);
  if (len > bodyText / 3 && bodyText > 0 && len > 400) return undefined;
  const byName = kindByName(el);
  if (byName === 'related') return linkDensity(el) > 0.35 || len < 200 ? byName : undefined;
  if (byName === 'share') return !hasPicture(el) && (len < 300 || linkDensity(el) > 0.5) ? byName : undefined;
  if (byName) return len < 1500 ? byName : undefined;
  const text = spacedText(el);
  if (len < 600 && COOKIE.test(text) && tag !== 'p') return 'cookie';
  if (len < 600 && PITCH.test(text) && (el.querySelector('form, input, button') || tag !== 'p' || len < 300)) return 'newsletter';
  if (len > 0 && len < 200 && /[a-z]/i.test(text) && SHARE_TEXT.test(text) && el.querySelector('a, button') && !hasPicture(el)) return 'share';
  return undefined;
}

/** A heading like "Latest news" followed by a list of links: remove the heading and the list. */
function removeListsUnderHeadings(root: Element): number {
  let removed = 0;
  for (const h of Array.from(root.querySelectorAll('h2, h3, h4, h5, h6, strong, b, p'))) {
    const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > 60 || !LIST_HEADING.test(text)) continue;
    // The heading may be wrapped (<p><strong>Related</strong></p>): start from the outermost short wrapper.
    let head: Element = h;
    while (head.parentElement && head.parentElement !== root && textLen(head.parentElement) === text.length) head = head.parentElement;
    const next = head.nextElementSibling;
    if (next && /^(?:ul|ol|div|section|p)$/i.test(next.tagName) && next.querySelector('a') && linkDensity(next) > 0.5) {
      next.remove();
      head.remove();
      removed++;
    }
  }
  return removed;
}

/** Removes boilerplate under `root`. Returns what was removed, by kind (for tests and debugging). */
export function stripBoilerplate(root: Element): Record<BoilerplateKind, number> {
  const counts: Record<BoilerplateKind, number> = { cookie: 0, newsletter: 0, related: 0, share: 0, ad: 0, comments: 0, chrome: 0 };
  // Page chrome that is never part of an article.
  for (const el of Array.from(root.querySelectorAll('script, style, noscript, template, iframe, object, embed, form, button, input, select, textarea, dialog, nav, [hidden]'))) {
    if (!el.isConnected) continue;
    // Readability finds real pictures in <noscript> behind lazy placeholders.
    if (el.tagName.toLowerCase() === 'noscript' && /<img/i.test(el.innerHTML)) continue;
    if (el.tagName.toLowerCase() === 'form' && textLen(el) > 1000) continue; // some CMSs wrap the page in a form
    el.remove();
    counts.chrome++;
  }
  const bodyText = textLen(root);
  // Outermost first: once a box goes, its children need no look.
  for (const el of Array.from(root.querySelectorAll(BLOCKS))) {
    if (!el.isConnected) continue;
    const kind = boilerplateKind(el, bodyText);
    if (kind) {
      el.remove();
      counts[kind]++;
    }
  }
  counts.related += removeListsUnderHeadings(root);
  return counts;
}
