// Pages that are not articles a reader can show: a live page (a stream of updates), a video page,
// a paywall. Told from the page's own structured data and markup, before extraction.

export type PageKind = 'article' | 'live' | 'video' | 'paywall';

function jsonLdNodes(doc: Document): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      out.push(o);
      if (o['@graph']) visit(o['@graph']);
      if (o.mainEntity) visit(o.mainEntity);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // A broken block says nothing.
    }
  }
  return out;
}

const typesOf = (o: Record<string, unknown>): string[] => [o['@type']].flat().filter((t): t is string => typeof t === 'string');

function meta(doc: Document, name: string): string {
  return doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content')?.trim().toLowerCase() ?? '';
}

/** What kind of page this is, judged before extraction. `textLength` is the article text found. */
export function pageKind(doc: Document, url: string, textLength: number): PageKind {
  const ld = jsonLdNodes(doc);
  const types = ld.flatMap(typesOf);
  const classes = Array.from(doc.querySelectorAll('[class], [id]'))
    .slice(0, 3000)
    .map((e) => `${e.getAttribute('class') ?? ''} ${e.id}`)
    .join(' ')
    .toLowerCase();

  // Live: marked as such, or a page built of timestamped updates.
  const liveLd = types.includes('LiveBlogPosting') || ld.some((o) => typesOf(o).includes('BroadcastEvent') && o.isLiveBroadcast === true && !types.includes('VideoObject'));
  let livePath = false;
  try {
    livePath = /\/live(?:\/|-|$)/.test(new URL(url).pathname);
  } catch {
    // no URL, no hint
  }
  if (liveLd || livePath || /\blive-?blog\b|\blive-?(?:updates|coverage|ticker|stream)\b/.test(classes) || doc.querySelector('[data-live], [data-liveblog]')) return 'live';

  // Paywall: the page says it is not free, or carries a paywall box; and little text came through.
  const notFree = ld.some((o) => o.isAccessibleForFree === false || String(o.isAccessibleForFree).toLowerCase() === 'false');
  const wall = /\bpaywall\b|\bpaywall-|\bmetered-?wall\b|\bsubscriber-?only\b|\bpremium-?(?:wall|gate|content-?locked)\b|\bregwall\b/.test(classes);
  if ((notFree || wall) && textLength < 1500) return 'paywall';

  // Video: the page is a player with a caption.
  const ogType = meta(doc, 'og:type');
  const video = ogType.startsWith('video') || (types.includes('VideoObject') && !types.some((t) => /Article|Posting/.test(t)));
  if (video && textLength < 800) return 'video';
  if (textLength < 400 && doc.querySelector('video, iframe[src*="youtube"], iframe[src*="vimeo"], iframe[src*="player"]')) return 'video';
  return 'article';
}
