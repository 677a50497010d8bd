// An opened item: its sanitized content (the only place source HTML reaches the DOM) and a link out.
// The sanitizer (DOMPurify) loads on first use, so opening the sidebar does not wait for it.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Item } from '@/utils/model';
import { safeUrl } from '@/utils/safe-url';
import { t } from '@/utils/i18n';
import { readHere } from './read-here';

type Sanitize = (html: string, base?: string) => string;
let loaded: Sanitize | undefined;

/** Loads the sanitizer (also called once the first articles are on screen, so opening is instant). */
export async function loadSanitizer(): Promise<Sanitize> {
  loaded ??= (await import('@/utils/sanitize')).sanitizeHtml;
  return loaded;
}

export function ArticleBody({ item, id }: { item: Item; id: string }) {
  const [sanitize, setSanitize] = useState<Sanitize | undefined>(() => loaded);
  useEffect(() => {
    if (!sanitize) void loadSanitizer().then((fn) => setSanitize(() => fn));
  }, [sanitize]);
  const html = useMemo(() => sanitize?.(item.contentHtml || item.summaryHtml, item.url) ?? '', [sanitize, item.contentHtml, item.summaryHtml, item.url]);
  const href = safeUrl(item.url, undefined);
  const read = readHere.value;
  return (
    <div class="body" id={id} aria-busy={!sanitize}>
      {item.author && <p class="author">{t('sb_by_author', item.author)}</p>}
      {html && <div class="content" dangerouslySetInnerHTML={{ __html: html }} />}
      {href && read && (
        <button type="button" class="btn read-here" onClick={() => read(item)}>
          {t('rd_read_here')}
        </button>
      )}
      {href && (
        <a class="original" href={href} target="_blank" rel="noopener noreferrer">
          {t('sb_open_original')}
          <span aria-hidden="true"> ↗</span>
        </a>
      )}
    </div>
  );
}
