// @vitest-environment node
// The grouper's interface as the worker uses it: rebuilt from stored members, new items placed then added,
// items taken out, forbidden stories, the window moving. Story ids are the caller's.
import { describe, expect, it } from 'vitest';
import { StoryGrouper, type StoryCandidate, type StoryMember } from '@/utils/stories/grouper';
import { storyTerms } from '@/utils/stories/terms';

const HOUR = 3_600_000;
const T0 = 1_700_000_000_000;
let n = 0;
const text = (title: string, url?: string) => storyTerms({ title, url });
const candidate = (title: string, at = T0, url?: string): StoryCandidate => ({ id: `c${++n}`, source: `s${n}`, published: at, terms: text(title, url) });
const member = (story: string, title: string, at = T0): StoryMember => ({ id: `m${++n}`, story, source: `s${n}`, published: at, terms: text(title) });

/** A grouper holding a volcano story (ids of the worker's choosing) among unrelated items. */
function grouper(): { g: StoryGrouper; members: StoryMember[] } {
  const g = new StoryGrouper();
  const members = [
    member('story-volcano', 'Volcano erupts in Iceland, ash cloud grounds flights'),
    member('story-volcano', 'Iceland volcano ash cloud: flights grounded across Europe'),
    member('story-volcano', 'Ash cloud from Iceland volcano closes airports'),
    member('story-bank', 'Central bank holds interest rates as inflation cools'),
    member('story-phone', 'Tech giant unveils foldable smartphone'),
    member('story-league', 'Striker signs contract with league champions'),
  ];
  for (const m of members) g.add(m);
  return { g, members };
}

describe('StoryGrouper', () => {
  it('places a newcomer in the story it belongs to, by the caller\'s story id, or in none', () => {
    const { g } = grouper();
    expect(g.size).toBe(6);
    expect(g.storySize('story-volcano')).toBe(3);
    expect(g.place(candidate('Flights cancelled as Iceland volcano ash cloud spreads'))).toBe('story-volcano');
    expect(g.place(candidate('Parliament debates pension reform'))).toBeNull();
    expect(g.place({ id: 'x', source: 's', published: T0, terms: [] })).toBeNull();
    expect(g.size).toBe(6); // place() adds nothing
  });

  it('forbids a story to an item: "Not the same story" holds for that item only', () => {
    const { g } = grouper();
    const c = candidate('Flights cancelled as Iceland volcano ash cloud spreads');
    g.forbid(c.id, 'story-volcano');
    expect(g.place(c)).toBeNull();
    expect(g.place({ ...c, id: 'another' })).toBe('story-volcano');
  });

  it('takes an item out of its story (remove, forbid) and never puts it back there', () => {
    const { g, members } = grouper();
    const out = members[2];
    g.remove(out.id);
    g.forbid(out.id, 'story-volcano');
    expect(g.storySize('story-volcano')).toBe(2);
    expect(g.place(out)).toBeNull();
    g.add({ ...out, story: out.id });
    expect(g.storySize(out.id)).toBe(1);
    expect(g.place(out)).not.toBe('story-volcano');
  });

  it('answers for a story of one item as for a story of many: the first report\'s words and source, then both reports\'', () => {
    const g = new StoryGrouper();
    const first: StoryMember = { id: 'wire-1', story: 'wire-1', source: 'wire', published: T0, terms: text('Volcano erupts in Iceland, ash cloud grounds flights') };
    g.add(first);
    const news = candidate('Iceland volcano ash cloud: flights grounded across Europe');
    expect(g.place(news)).toBe('wire-1');
    // The wire's own follow-up never joins the wire's story.
    expect(g.place({ ...news, source: 'wire' })).toBeNull();
    g.add({ ...news, story: 'wire-1' });
    expect(g.storySize('wire-1')).toBe(2);
    const third = candidate('Ash cloud from Iceland volcano closes airports');
    expect(g.place(third)).toBe('wire-1');
    // Back to one (the first report taken out): the story answers by what is left.
    g.remove(first.id);
    expect(g.storySize('wire-1')).toBe(1);
    expect(g.place(third)).toBe('wire-1');
    expect(g.place({ ...third, source: news.source })).toBeNull();
    g.remove(news.id);
    expect(g.storySize('wire-1')).toBe(0);
    expect(g.place(third)).toBeNull();
  });

  it('forgets a story whose last member is removed', () => {
    const { g, members } = grouper();
    for (const m of members.slice(0, 3)) g.remove(m.id);
    g.remove('never-held'); // unknown ids are fine
    expect(g.storySize('story-volcano')).toBe(0);
    expect(g.place(candidate('Flights cancelled as Iceland volcano ash cloud spreads'))).toBeNull();
    expect(g.size).toBe(3);
  });

  it('moves the window: prune drops members published before the time, and old stories take nothing', () => {
    const g = new StoryGrouper({ windowMs: 24 * HOUR });
    g.add(member('old', 'Volcano erupts in Iceland, ash cloud grounds flights', T0));
    g.add(member('old', 'Iceland volcano ash cloud grounds flights', T0 + HOUR));
    expect(g.place(candidate('Iceland volcano ash cloud: more flights grounded', T0 + 30 * HOUR))).toBeNull(); // beyond the window
    expect(g.place(candidate('Iceland volcano ash cloud: more flights grounded', T0 + 2 * HOUR))).toBe('old');
    g.prune(T0 + HOUR / 2);
    expect(g.size).toBe(1);
    g.prune(T0 + 2 * HOUR);
    expect(g.size).toBe(0);
    expect(g.storySize('old')).toBe(0);
  });

  it('stops a story at the cap; the next item starts its own', () => {
    const g = new StoryGrouper({ maxStorySize: 2 });
    g.add(member('s', 'Volcano erupts in Iceland, ash cloud grounds flights'));
    const c = candidate('Iceland volcano ash cloud grounds flights');
    expect(g.place(c)).toBe('s');
    g.add({ ...c, story: 's' });
    expect(g.storySize('s')).toBe(2);
    expect(g.place(candidate('Ash cloud from Iceland volcano grounds flights'))).toBeNull();
  });

  it('never puts an item in a story holding an item of its own source: the next best story, or none', () => {
    const { g } = grouper();
    const volcano = 'Flights cancelled as Iceland volcano ash cloud spreads';
    const own = (source: string, title: string, story: string): StoryMember => ({ id: `m${++n}`, story, source, published: T0, terms: text(title) });
    const first = own('feed-a', 'Volcano in Iceland erupts again, ash grounds flights', 'story-volcano');
    g.add(first);
    expect(g.place({ ...candidate(volcano), source: 'feed-a' })).toBeNull(); // the feed's own follow-up stays a row of its own
    expect(g.place({ ...candidate(volcano), source: 'feed-b' })).toBe('story-volcano');
    // Another story of the event takes the feed's follow-up while the first holds the feed.
    const second = own('feed-c', 'Iceland volcano ash cloud spreads, more flights cancelled', 'story-volcano-2');
    g.add(second);
    expect(g.place({ ...candidate(volcano), source: 'feed-a' })).toBe('story-volcano-2');
    expect(g.place({ ...candidate(volcano), source: 'feed-c' })).toBe('story-volcano');
    // Once the feed's item has left, the story is open to the feed again.
    g.remove(second.id);
    expect(g.place({ ...candidate(volcano), source: 'feed-a' })).toBeNull();
    g.remove(first.id);
    expect(g.place({ ...candidate(volcano), source: 'feed-a' })).toBe('story-volcano');
  });

  it('re-adding an id moves it rather than counting it twice', () => {
    const { g, members } = grouper();
    g.add({ ...members[0], story: 'elsewhere' });
    expect(g.size).toBe(6);
    expect(g.storySize('story-volcano')).toBe(2);
    expect(g.storySize('elsewhere')).toBe(1);
  });
});
