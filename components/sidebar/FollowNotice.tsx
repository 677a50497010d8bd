// What following a live page says back: why it must ask for a site (before the browser asks), that it is
// reading the page, that it worked, or why it did not. Shown where the follow was asked for.
import type { LiveFollow } from './live-follow';
import { t } from '@/utils/i18n';

export function FollowNotice({ live }: { live: LiveFollow }) {
  const n = live.notice.value;
  if (!n) return null;
  return (
    <div class={`notice follow-notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
      {n.kind === 'ask' && (
        <>
          <p>{t('sb_follow_why', n.host)}</p>
          <button type="button" class="btn" onClick={() => void live.allow()}>{t('sb_follow_allow')}</button>{' '}
          <button type="button" class="link-btn" onClick={live.dismiss}>{t('sb_dismiss')}</button>
        </>
      )}
      {n.kind === 'busy' && <p>{t('sb_follow_busy')}</p>}
      {n.kind === 'done' && <p>{t('sb_follow_done', n.title)}</p>}
      {n.kind === 'error' && <p>{n.text}</p>}
      {(n.kind === 'done' || n.kind === 'error') && (
        <button type="button" class="link-btn" onClick={live.dismiss}>{t('sb_dismiss')}</button>
      )}
    </div>
  );
}
