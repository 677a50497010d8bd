// Plain-text helpers shared by the store (search words), the topic matcher and the UI.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** Decode the HTML entities that survive in feed text fields. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s; // most text has no entity: no regex pass, no new string
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** Strip tags and decode entities: HTML in, plain text out (never rendered as HTML). */
export function htmlToText(html: string): string {
  // Every pattern below starts with '<': a headline, or a summary already cut to (escaped) text, has
  // none and skips four scans of itself.
  const stripped = !html.includes('<')
    ? html
    : html
        // Comments first (a '>' inside one would end a tag early); one left open runs to the end, as in a browser.
        .replace(/<!--(?:>|->|[\s\S]*?(?:--!?>|$))/g, '')
        .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, ' ')
        .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>/gi, ' ')
        .replace(/<[^>]*>/g, '');
  return decodeEntities(stripped).replace(/\s+/g, ' ').trim();
}

/** Lower-case and strip accents, so "Zürich" and "zurich" compare equal. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Split folded text into words (letters and digits of any script). */
export function tokenize(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The search words of an item: folded, unique. */
export function wordsOf(...texts: string[]): string[] {
  return [...new Set(tokenize(fold(texts.join(' '))))];
}
