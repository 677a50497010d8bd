// The picture of an item: Media RSS, image enclosures, iTunes image, then the first <img> of its HTML that
// the sanitizer would keep (never a tracking pixel, nor an image inside <noscript>, <template> or a comment).
import type { MediaNs } from 'feedsmith';
import { absoluteUrl } from '../normalize/url';
import { isTrackingPixel } from '../sanitize-rules';
import { firstKeptImage } from './html-images';

type Media = MediaNs.ItemOrFeed | undefined;

function isImageType(type: string | undefined, url: string | undefined): boolean {
  if (type) return /^image\//i.test(type);
  return !!url && /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i.test(url);
}

/** The widest of some images, leaving out those declared as tracking pixels (the sanitizer's rule). */
function largest<T extends { width?: number; height?: number }>(list: T[]): T | undefined {
  let best: T | undefined;
  for (const x of list) {
    if (isTrackingPixel(x.width === undefined ? null : String(x.width), x.height === undefined ? null : String(x.height))) continue;
    if (!best || (x.width ?? 0) > (best.width ?? 0)) best = x;
  }
  return best;
}

function mediaImage(media: Media, base: string | undefined): string | undefined {
  if (!media) return undefined;
  const groups = media.groups ?? [];
  const contents = [...(media.contents ?? []), ...groups.flatMap((g) => g.contents ?? [])];
  const thumbs = [
    ...(media.thumbnails ?? []),
    ...groups.flatMap((g) => g.thumbnails ?? []),
    ...contents.flatMap((c) => c.thumbnails ?? []),
  ].filter((t) => absoluteUrl(t.url ?? '', base));
  const thumb = largest(thumbs);
  if (thumb?.url) return absoluteUrl(thumb.url, base);
  const images = contents.filter(
    (c) => c.url && absoluteUrl(c.url, base) && (c.medium ? c.medium.toLowerCase() === 'image' : isImageType(c.type, c.url)),
  );
  const img = largest(images);
  return img?.url ? absoluteUrl(img.url, base) : undefined;
}

/** The best image URL for an item (absolute), trying its sources from the most to the least deliberate. */
export function pickImage(
  base: string | undefined,
  media: Media,
  candidates: Array<{ url?: string; type?: string }>,
  itunesImage: string | undefined,
  html: string | string[],
): string | undefined {
  const fromMedia = mediaImage(media, base);
  if (fromMedia) return fromMedia;
  for (const c of candidates) {
    if (c.url && isImageType(c.type, c.url)) {
      const u = absoluteUrl(c.url, base);
      if (u) return u;
    }
  }
  if (itunesImage) {
    const u = absoluteUrl(itunesImage, base);
    if (u) return u;
  }
  // Each HTML field on its own, as each is sanitized on its own.
  for (const h of Array.isArray(html) ? html : [html]) {
    const u = firstKeptImage(h, base);
    if (u) return u;
  }
  return undefined;
}
