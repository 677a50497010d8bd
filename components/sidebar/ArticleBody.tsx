// An opened item: its sanitized content (the only place source HTML reaches the DOM) and a link out.
import { useMemo } from 'preact/hooks';
import type { Item } from '@/utils/model';
import { safeUrl, sanitizeHtml } from '@/utils/sanitize';
import { t } from '@/utils/i18n';

export function ArticleBody({ item, id }: { item: Item; id: string }) {
  const html = useMemo(() => sanitizeHtml(item.contentHtml || item.summaryHtml, item.url), [item.contentHtml, item.summaryHtml, item.url]);
  const href = safeUrl(item.url, undefined);
  return (
    <div class="body" id={id}>
      {item.author && <p class="author">{t('sb_by_author', item.author)}</p>}
      {html && <div class="content" dangerouslySetInnerHTML={{ __html: html }} />}
      {href && (
        <a class="original" href={href} target="_blank" rel="noopener noreferrer">
          {t('sb_open_original')}
          <span aria-hidden="true"> ↗</span>
        </a>
      )}
    </div>
  );
}
