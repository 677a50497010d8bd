// Canonical URLs: the same article reached through a newsletter, a social share or the feed gets one URL,
// so dedupe by URL works and no tracking parameters are stored or opened.

/** Query parameters that only track where a click came from (compared in lower case). */
const TRACKING = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'igsh', 'ocid', 'cmpid', 'cmp', 'ito', '_ga', '_gl', 'ref_src', 'ref_url',
  '_hsenc', '_hsmi', 'mkt_tok', 'vero_id', 'vero_conv', 'oly_anon_id', 'oly_enc_id', 'wt.mc_id', 'wt.tsrc',
  'ns_mchannel', 'ns_source', 'ns_campaign', 'ns_linkname', 'ns_fee', 'smid', 'smtyp', 's_cid', 'soc_src',
  'soc_trk', 'cid_src', '__twitter_impression', 'sr_share', 'guccounter', 'guce_referrer',
  'guce_referrer_sig', 'xtor',
]);
/** Prefixes of tracking parameters: utm_source..., AT Internet's at_medium/at_campaign/at_custom1... */
const TRACKING_PREFIX = /^(utm_|at_|pk_|mtm_|hsa_|itm_)/;

export function isTrackingParam(name: string): boolean {
  const k = name.toLowerCase();
  return TRACKING_PREFIX.test(k) || TRACKING.has(k);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Resolve `url` against `base`; only http(s) URLs come out, anything else (javascript:, data:, junk) gives ''. */
export function absoluteUrl(url: string, base?: string): string {
  return parseAbsolute(url, base)?.href ?? '';
}

const ABSOLUTE = /^https?:\/\//i;

/** The URL object of an http(s) address, resolved against `base` (a broken base is ignored). */
function parseAbsolute(url: string, base?: string): URL | undefined {
  const raw = (url ?? '').trim();
  if (!raw) return undefined;
  let u: URL;
  try {
    // An address that starts with http(s):// never reads its base: nearly every feed link is one, and
    // skips parsing the base again for each item.
    u = base && !ABSOLUTE.test(raw) ? new URL(raw, base) : new URL(raw);
  } catch {
    try {
      // A base that is itself relative or broken: try the URL on its own.
      u = new URL(raw);
    } catch {
      return undefined;
    }
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (!u.hostname) return undefined;
  return u;
}

/**
 * The canonical form of an article URL: absolute (resolved against `base`), http(s) only ('' otherwise),
 * lower-case scheme and host, no default port, no fragment, tracking parameters removed and the other
 * parameters kept in their order and spelling.
 */
export function canonicalUrl(url: string, base?: string): string {
  // Parsed once (every link of every feed comes here): URL lower-cases scheme and host and drops the default port.
  const u = parseAbsolute(url, base);
  if (!u) return '';
  // Each setter serializes the URL again: only what changes is set.
  if (u.href.includes('#')) u.hash = '';
  const query = u.search.slice(1);
  if (query) {
    const pairs = query.split('&');
    const kept = pairs.filter((pair) => {
      if (!pair) return false;
      const eq = pair.indexOf('=');
      return !isTrackingParam(safeDecode(eq < 0 ? pair : pair.slice(0, eq)));
    });
    if (kept.length !== pairs.length) u.search = kept.length ? '?' + kept.join('&') : '';
  }
  let out = u.href;
  if (out.endsWith('?')) out = out.slice(0, -1);
  if (out.endsWith('#')) out = out.slice(0, -1);
  return out;
}
