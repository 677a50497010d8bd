// An opened item: its sanitized content (the only place source HTML reaches the DOM) and a link out.
// The sanitizer (DOMPurify) loads on first use, so opening the sidebar does not wait for it.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Item } from '@/utils/model';
import { safeUrl } from '@/utils/safe-url';
import { t } from '@/utils/i18n';
import { readHere } from './read-here';

import type { SanitizeOptions, Sanitized } from '@/utils/sanitize';

type Sanitize = (html: string, base?: string, opts?: SanitizeOptions) => Sanitized;
let loaded: Sanitize | undefined;

/** Loads the sanitizer (also called once the first articles are on screen, so opening is instant). */
export async function loadSanitizer(): Promise<Sanitize> {
  loaded ??= (await import('@/utils/sanitize')).sanitizeItemHtml;
  return loaded;
}

/** `images` false: remote images wait for the user; "Show images" (`onShowImages`) loads this article's. */
export function ArticleBody({ item, id, images = true, onShowImages }: { item: Item; id: string; images?: boolean; onShowImages?(): void }) {
  const [sanitize, setSanitize] = useState<Sanitize | undefined>(() => loaded);
  useEffect(() => {
    if (!sanitize) void loadSanitizer().then((fn) => setSanitize(() => fn));
  }, [sanitize]);
  const { html, heldImages } = useMemo(
    () => sanitize?.(item.contentHtml || item.summaryHtml, item.url, { remoteImages: images }) ?? { html: '', heldImages: 0 },
    [sanitize, item.contentHtml, item.summaryHtml, item.url, images],
  );
  const href = safeUrl(item.url, undefined);
  const read = readHere.value;
  return (
    <div class="body" id={id} aria-busy={!sanitize}>
      {item.author && <p class="author">{t('sb_by_author', item.author)}</p>}
      {heldImages > 0 && onShowImages && (
        <button type="button" class="btn show-images" onClick={onShowImages}>
          {t('sb_show_images')}
        </button>
      )}
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
