// Pages load their pictures late: the real address waits in data-src/srcset while src holds a
// placeholder, or in a <noscript> copy beside it for visitors without scripts. Resolve them before
// extraction so the reader shows the pictures, not grey boxes.

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

/** A 1x1 (or smaller) image: a tracking pixel, never a picture. */
function isPixel(img: Element): boolean {
  return ['width', 'height'].some((a) => {
    const v = img.getAttribute(a);
    return v !== null && /^\s*[01](\.0*)?\s*(px)?\s*$/i.test(v);
  });
}

/**
 * The images of a <noscript>: its elements where the page was parsed without scripting (DOMParser,
 * jsdom), else its text parsed by a DOMParser, which runs nothing and loads nothing.
 */
function noscriptImages(ns: Element): Element[] {
  const parsed = Array.from(ns.querySelectorAll('img'));
  if (parsed.length || !/<img/i.test(ns.textContent ?? '')) return parsed;
  const Parser = ns.ownerDocument.defaultView?.DOMParser ?? globalThis.DOMParser;
  if (!Parser) return [];
  return Array.from(new Parser().parseFromString(ns.textContent ?? '', 'text/html').querySelectorAll('img'));
}

/**
 * The img a <noscript> copy stands beside: the element before it, or the one img inside that element
 * when the element is only its wrapper (no text of its own).
 */
function placeholderFor(ns: Element): Element | undefined {
  const prev = ns.previousElementSibling;
  if (!prev) return undefined;
  if (prev.tagName.toLowerCase() === 'img') return prev;
  const inside = prev.querySelectorAll('img');
  return inside.length === 1 && !prev.textContent?.trim() ? inside[0] : undefined;
}

/** Does this img wait for a script to show its picture (a placeholder src, or its address in a lazy attribute)? */
function waitsForScript(img: Element): boolean {
  return isPlaceholderSrc(img.getAttribute('src')) || [...LAZY_ATTRS, ...LAZY_SRCSET_ATTRS].some((a) => img.hasAttribute(a));
}

/**
 * A <noscript> copy of a picture (`<img class=lazy src=data:…><noscript><img src=real></noscript>`)
 * takes the place of the placeholder it follows, or stands where the <noscript> was when nothing waits
 * beside it; a copy of the picture shown beside it, and a tracking pixel, go with their <noscript>.
 */
export function useNoscriptImages(root: ParentNode): void {
  for (const ns of Array.from(root.querySelectorAll('noscript'))) {
    const imgs = noscriptImages(ns);
    if (!imgs.length) continue; // text for visitors without scripts: the boilerplate rules take it out
    const img = imgs.find((i) => !isPixel(i) && i.getAttribute('src')?.trim());
    const placeholder = placeholderFor(ns);
    if (!img || (placeholder && placeholder.getAttribute('src') === img.getAttribute('src'))) {
      ns.remove();
      continue;
    }
    const copy = ns.ownerDocument.importNode(img, true);
    if (placeholder && waitsForScript(placeholder)) {
      if (!copy.getAttribute('alt') && placeholder.getAttribute('alt')) copy.setAttribute('alt', placeholder.getAttribute('alt')!);
      placeholder.replaceWith(copy);
      ns.remove();
    } else ns.replaceWith(copy);
  }
}

/**
 * Gives every img its real address in src (and drops srcset: the sanitizer keeps one checked URL),
 * after the <noscript> copies have taken their placeholders' places.
 */
export function resolveLazyImages(root: ParentNode): void {
  useNoscriptImages(root);
  for (const img of Array.from(root.querySelectorAll('img'))) {
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
    if (real && waitsForScript(img)) img.setAttribute('src', real);
    for (const a of [...LAZY_ATTRS, ...LAZY_SRCSET_ATTRS, 'sizes']) img.removeAttribute(a);
  }
}
