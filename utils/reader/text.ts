// Plain text of the reader's HTML (for the command line, the offline copy's search and reading time).

const BLOCK = /^(?:p|div|section|article|header|footer|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|figure|figcaption|table|thead|tbody|tfoot|tr|caption|hr)$/i;

/** Text of `root` with blocks on their own lines (paragraphs apart by one blank line). */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      parts.push((n.nodeValue ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = (n as Element).tagName;
    if (tag.toLowerCase() === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.test(tag);
    if (block) parts.push('\n\n');
    if (tag.toLowerCase() === 'li') parts.push('• ');
    if (tag.toLowerCase() === 'td' || tag.toLowerCase() === 'th') parts.push(' ');
    n.childNodes.forEach(walk);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Minutes at a relaxed 220 words a minute; at least 1. */
export function readingMinutes(text: string): number {
  return Math.max(1, Math.round(wordCount(text) / 220));
}
