// Which URLs from a source may become a link or an image: http(s) (and mailto for links), resolved
// against the item's URL. Kept apart from the sanitizer so the article list needs no DOMPurify.

export const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
export const IMAGE_SCHEMES = new Set(['http:', 'https:']);

/** Resolve `raw` against `base`; undefined unless the result uses one of `schemes`. */
export function safeUrl(raw: string | null | undefined, base: string | undefined, schemes: Set<string> = LINK_SCHEMES): string | undefined {
  if (!raw) return undefined;
  try {
    // The URL parser strips control characters and whitespace the same way the browser does,
    // so "java\tscript:" and " javascript:" are caught by the protocol check.
    const u = base ? new URL(raw, base) : new URL(raw);
    return schemes.has(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function safeImageUrl(raw: string | null | undefined, base?: string): string | undefined {
  return safeUrl(raw, base, IMAGE_SCHEMES);
}
