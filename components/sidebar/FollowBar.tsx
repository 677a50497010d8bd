// "Follow this page" for the tab in front, and what following says back (FollowNotice) when it was
// asked from here; an article's "Follow live" is answered beside that article.
import type { LiveFollow } from './live-follow';
import { FollowNotice } from './FollowNotice';
import { t } from '@/utils/i18n';

export function FollowBar({ live }: { live: LiveFollow }) {
  const n = live.notice.value;
  return (
    <div class="follow-bar">
      <button type="button" class="link-btn follow-page" onClick={() => void live.followCurrentTab()}>
        <span aria-hidden="true">◉ </span>
        {t('sb_follow_page')}
      </button>
      {n && n.at === undefined && <FollowNotice live={live} />}
    </div>
  );
}
