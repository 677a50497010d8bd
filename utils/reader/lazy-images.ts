// Pages load their pictures late: the real address waits in data-src/srcset while src holds a
// placeholder. Resolve them before extraction so the reader shows the pictures, not grey boxes.

const LAZY_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-lazy'];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'srcset'];

/** A src that stands in for the real picture: empty, an inline data: image, or a named placeholder. */
export function isPlaceholderSrc(src: string | null): boolean {
  if (!src || !src.trim()) return true;
  if (/^data:/i.test(src)) return true;
  return /(?:^|[/_.-])(?:placeholder|blank|spacer|lazy|loading|grey|gray|pixel|transparent)(?:[/_.-]|$)/i.test(src);
}

/** The largest candidate of a srcset ("a.jpg 480w, b.jpg 1024w" -> b.jpg; "x 1x, y 2x" -> y). */
export function bestFromSrcset(srcset: string | null): string | undefined {
  if (!srcset) return undefined;
  let best: { url: string; size: number } | undefined;
  // Candidates are split on commas followed by whitespace, so URLs holding commas survive.
  for (const part of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = part.trim().split(/\s+/);
    if (!url || /^data:/i.test(url)) continue;
    const m = descriptor.match(/^([\d.]+)([wx])$/i);
    const size = m ? Number(m[1]) * (m[2].toLowerCase() === 'x' ? 1000 : 1) : 1000;
    if (!best || size > best.size) best = { url: url.replace(/,$/, ''), size };
  }
  return best?.url;
}

/** Gives every img its real address in src (and drops srcset: the sanitizer keeps one checked URL). */
export function resolveLazyImages(root: ParentNode): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = img.getAttribute('src');
    let real: string | undefined;
    for (const a of LAZY_ATTRS) {
      const v = img.getAttribute(a)?.trim();
      if (v && !/^data:/i.test(v)) {
        real = v;
        break;
      }
    }
    if (!real) {
      for (const a of LAZY_SRCSET_ATTRS) {
        real = bestFromSrcset(img.getAttribute(a));
        if (real) break;
      }
    }
    // <picture><source srcset> feeds the img in front of it.
    if (!real && img.parentElement?.tagName.toLowerCase() === 'picture') {
      for (const s of Array.from(img.parentElement.querySelectorAll('source'))) {
        real = bestFromSrcset(s.getAttribute('srcset') ?? s.getAttribute('data-srcset'));
        if (real) break;
      }
    }
    if (real && (isPlaceholderSrc(src) || img.hasAttribute('srcset') || LAZY_ATTRS.some((a) => img.hasAttribute(a)))) img.setAttribute('src', real);
    for (const a of [...LAZY_ATTRS, ...LAZY_SRCSET_ATTRS, 'sizes']) img.removeAttribute(a);
  }
}
