// "5 min. ago", with the full date on hover and for machines.
import { absoluteTime, isoTime, relativeTime } from '@/utils/format/time';

export function RelTime({ ts, now, locale }: { ts: number; now: number; locale: string }) {
  return (
    <time dateTime={isoTime(ts)} title={absoluteTime(ts, locale)}>
      {relativeTime(ts, now, locale)}
    </time>
  );
}
