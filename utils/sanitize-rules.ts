// The sanitizer's rules that need no DOM. utils/sanitize.ts (DOMPurify, in pages) applies them to what it
// shows; the worker, which has no DOM, applies them when it picks an item's thumbnail from its HTML
// (utils/sources/html-images.ts). One list, so both keep and drop the same images.

/** Elements removed together with everything inside them (not just unwrapped). */
export const DROPPED_WITH_CONTENT = [
  'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'textarea',
  'button', 'title', 'head', 'noembed', 'noframes', 'xmp', 'plaintext',
];

/**
 * A tracking pixel: an image declared at most 2 px wide or high (width="1", height="0", width="1px").
 * Takes the attribute values as written (null when absent).
 */
export function isTrackingPixel(width: string | null | undefined, height: string | null | undefined): boolean {
  return [width, height].some((v) => v !== null && v !== undefined && Number.parseInt(v, 10) <= 2);
}
