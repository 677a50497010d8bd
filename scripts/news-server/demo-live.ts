// The demo's two live pages: a live blog with LiveBlogPosting JSON-LD gaining an update every
// `everySec` seconds, and a page whose "Latest" list of dated lines grows at the same pace.
import { liveUpdates } from './demo-content';
import { latestListHtml, liveBlogHtml } from './live-pages';

const COUNT_LINES = [
  'Turnout in the capital passes 40 per cent by mid-afternoon',
  'Polling stations in the north report long queues',
  'The electoral office says counting starts on time',
  'First ballot boxes arrive at the central count',
  'Both main candidates have voted in their home towns',
  'Observers say the vote is running smoothly',
  'A recount is requested in one district',
  'Results from the islands are expected after midnight',
];

/** Updates up to `until` (the coverage end, or now). After the coverage ended no new ones come. */
export function demoLivePage(origin: string, startedAt: number, until: number, everySec: number, coverageEnd?: number): string {
  const updates = liveUpdates(startedAt, until, everySec).map((u, i) => ({
    id: u.id,
    // Some updates have no headline of their own: the first sentence of their text is their title.
    headline: i % 4 === 3 ? '' : u.text,
    html: `<p>${u.text}. <em>More to follow.</em></p>`,
    at: u.at,
  }));
  return liveBlogHtml({ url: `${origin}/demo/live/storm`, title: 'Live: storm on the coast', updates, coverageEnd, offsetMin: 60, localTimes: true });
}

export function demoLatestPage(startedAt: number, until: number, everySec: number, now: number): string {
  const updates = liveUpdates(startedAt, until, everySec, 3).map((u) => ({
    id: `count-${u.id}`,
    text: COUNT_LINES[Number(u.id.slice(5)) % COUNT_LINES.length],
    at: u.at,
  }));
  return latestListHtml({ title: 'Election day: the latest from the count', updates, now, offsetMin: -240 });
}
