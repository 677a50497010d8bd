// Live preview of a topic being edited: what it matches among the stored items.
import { useEffect, useState } from 'preact/hooks';
import type { Topic } from '@/utils/model';
import { t } from '@/utils/i18n';
import { relativeTime } from '@/utils/format/time';
import type { Preview } from '@/utils/topics/preview';
import { highlightRanges } from '@/utils/topics/match';
import { Highlighted } from '../shared/Highlighted';
import type { OptionsStore } from './state';

export function TopicPreview({ store, query, sourceIds, valid }: { store: OptionsStore; query: string; sourceIds: string[]; valid: boolean }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    if (!valid) return setPreview(null);
    let live = true;
    // Wait for a pause in typing; drop answers to older queries.
    const timer = setTimeout(async () => {
      const p = await store.previewTopic({ query, sourceIds }, 20);
      if (live) setPreview(p);
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, sourceIds.join(','), valid]);

  const topic: Topic = { id: 'preview', name: '', query, sourceIds, notify: false, breaking: false, createdAt: 0 };
  const names = new Map(store.sources.value.map((s) => [s.id, s.name]));
  const now = store.now();
  return (
    <div class="preview" aria-labelledby="preview-title">
      <h4 id="preview-title">{t('opt_preview')}</h4>
      <p class="preview-count" aria-live="polite">
        {!valid ? t('opt_preview_invalid') : !preview ? t('opt_preview_loading')
          : preview.total === 0 ? t('opt_preview_none')
          : t(preview.capped ? 'opt_preview_count_capped' : 'opt_preview_count', String(preview.total))}
      </p>
      {preview && preview.items.length > 0 && (
        <ul class="preview-list">
          {preview.items.map((it) => (
            <li key={it.id}>
              <span class="preview-title"><Highlighted text={it.title} ranges={highlightRanges(it.title, [topic], 'title')} /></span>
              <span class="muted"> — {names.get(it.sourceId) ?? ''}, {relativeTime(it.published, now, store.locale)}</span>
            </li>
          ))}
        </ul>
      )}
      {preview && preview.total > preview.items.length && (
        <p class="muted">{t('opt_preview_more', String(preview.total - preview.items.length))}</p>
      )}
    </div>
  );
}
