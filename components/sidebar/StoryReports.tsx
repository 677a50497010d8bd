// An opened story's reports: each outlet's headline, time and link, readable in the reader, and
// "Not the same story" to take a wrongly grouped one out. Loaded when the row opens.
import { useEffect, useState } from 'preact/hooks';
import type { Item } from '@/utils/model';
import { safeUrl } from '@/utils/safe-url';
import { t } from '@/utils/i18n';
import { RelTime } from './RelTime';
import { readHere } from './read-here';

export interface StoryActions {
  load(storyId: string): Promise<Item[]>;
  sourceName(sourceId: string): string;
  onNotSame(itemId: string): void;
}

export function StoryReports({ item, story, now, locale }: { item: Item; story: StoryActions; now: number; locale: string }) {
  const [reports, setReports] = useState<Item[] | null>(null);
  const info = item.storyInfo;
  useEffect(() => {
    let live = true;
    if (item.story !== undefined) void story.load(item.story).then((r) => live && setReports(r));
    return () => {
      live = false;
    };
  }, [item.story, info?.reports]);
  if (!reports || reports.length < 2) return null;
  const read = readHere.value;
  return (
    <section class="story-reports" aria-label={t('sb_story_reports', reports.length)}>
      <h4 class="story-head">{t('sb_story_reports', reports.length)}</h4>
      <ul>
        {reports.map((r) => {
          const href = safeUrl(r.url, undefined);
          return (
            <li key={r.id} class="report" data-id={r.id}>
              <div class="report-meta">
                <span class="source">{story.sourceName(r.sourceId)}</span>
                <span class="sep" aria-hidden="true">·</span>
                <RelTime ts={r.published} now={now} locale={locale} />
              </div>
              {href ? (
                <a class="report-title" href={href} target="_blank" rel="noopener noreferrer">{r.title || t('sb_untitled')}</a>
              ) : (
                <span class="report-title">{r.title || t('sb_untitled')}</span>
              )}
              <div class="report-actions">
                {href && read && (
                  <button type="button" class="link-btn" onClick={() => read(r)}>{t('rd_read_here')}</button>
                )}
                <button type="button" class="link-btn not-same" aria-label={t('sb_not_same_story_named', r.title)} onClick={() => story.onNotSame(r.id)}>
                  {t('sb_not_same_story')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
