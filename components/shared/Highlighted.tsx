// Text with the ranges a topic matched wrapped in <mark> (text stays text: no HTML is built).
import type { HighlightRange } from '@/utils/topics/match';

export function Highlighted({ text, ranges }: { text: string; ranges: HighlightRange[] }) {
  const out: Array<string | preact.JSX.Element> = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) out.push(text.slice(at, r.start));
    out.push(<mark key={r.start}>{text.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}
