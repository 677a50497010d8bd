// The demo news: articles and a live page of short timestamped updates, written for Newsbar's demo.
// A new breaking update appears every `updateEverySec` seconds, so a running demo keeps moving.

export interface DemoArticle {
  id: string;
  title: string;
  summary: string;
  body: string;
  author: string;
  section: string;
  minutesAgo: number;
  /** The wire's own headline for the same event (the demo's grouped story: one row, three outlets). */
  wireTitle?: string;
}

export const DEMO_ARTICLES: DemoArticle[] = [
  { id: 'harbour-bridge', title: 'Harbour city opens its new bridge after six years of work', summary: 'The 1.2 km crossing carries trams, bikes and people on foot, and no cars.', body: '<p>The bridge opened at dawn with a walk across by the builders and their families.</p><p>Traffic planners expect <strong>40,000 crossings a day</strong> within a year.</p>', author: 'Mara Lind', section: 'World', minutesAgo: 12 },
  { id: 'rain-record', title: 'Record autumn rain fills reservoirs across the south', summary: 'Water authorities lift restrictions a month early.', body: '<p>Reservoir levels are at 96%, the highest November reading since records began.</p><ul><li>Hosepipe bans end Friday</li><li>Farmers welcome the news</li></ul>', author: 'Tomás Ferreira', section: 'Environment', minutesAgo: 34 },
  { id: 'chess-final', title: 'Teenager wins the world rapid chess title in a final-round upset', summary: 'A 17-year-old from Tallinn beat the top seed with the black pieces.', body: '<p>"I did not believe it until the arbiter stopped the clock," she said.</p>', author: 'Ivo Sepp', section: 'Sport', minutesAgo: 58 },
  { id: 'central-bank', title: 'Central bank holds rates and signals cuts next year', summary: 'Inflation fell to 2.1% in October.', body: '<p>The decision was unanimous. Markets had priced in a hold.</p><blockquote>"We are not there yet, but we can see it," the governor said.</blockquote>', author: 'Priya Natarajan', section: 'Business', minutesAgo: 95, wireTitle: 'Rates on hold as central bank sees cuts next year, inflation at 2.1%' },
  { id: 'museum-return', title: 'Museum returns 3,000-year-old bronze figures to their home country', summary: 'The figures left the country in 1911.', body: '<p>A ceremony is planned for the spring.</p>', author: 'Jonas Weber', section: 'Culture', minutesAgo: 140 },
  { id: 'satellite-launch', title: 'Weather satellite reaches orbit and sends its first images', summary: 'The craft will watch storms form over the Atlantic.', body: '<p>First images show a cold front crossing the Azores.</p><figure><figcaption>Cloud cover, first light</figcaption></figure>', author: 'Aiko Tanaka', section: 'Science', minutesAgo: 200 },
  { id: 'rail-strike', title: 'Rail strike called off after overnight talks', summary: 'Trains will run as normal on Monday.', body: '<p>Unions and operators agreed a two-year pay deal.</p>', author: 'Sam Okoro', section: 'UK', minutesAgo: 260 },
  { id: 'volcano-flights', title: 'Flights resume as volcanic ash cloud drifts north', summary: 'Airports in the region reopened on Tuesday morning.', body: '<p>About 400 flights were cancelled over two days.</p>', author: 'Elín Jónsdóttir', section: 'World', minutesAgo: 330 },
];

const UPDATE_LINES = [
  'Officials say the evacuation of the river district is complete',
  'Emergency services report no injuries so far',
  'The mayor will speak to reporters in the next hour',
  'Power has been restored to 12,000 homes',
  'Police ask people to avoid the old town while crews work',
  'Rail services on the coast line are suspended until further notice',
  'A second press briefing is expected at the top of the hour',
  'Volunteers are handing out water at the central station',
  'Forecasters say the worst of the storm has passed',
  'Schools in the region will open as normal tomorrow',
];

export interface LiveUpdate {
  id: string;
  text: string;
  at: number;
}

/** The live page's updates up to `now`: one every `everySec`, newest first, starting at `startedAt`. */
export function liveUpdates(startedAt: number, now: number, everySec = 20, seed = 4): LiveUpdate[] {
  const n = seed + Math.floor(Math.max(0, now - startedAt) / (everySec * 1000));
  const out: LiveUpdate[] = [];
  for (let i = n - 1; i >= 0 && out.length < 30; i--) {
    const at = startedAt + (i - seed) * everySec * 1000;
    out.push({ id: `live-${i}`, text: UPDATE_LINES[i % UPDATE_LINES.length], at });
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function demoRss(origin: string, now: number): string {
  const items = DEMO_ARTICLES.map((a) => `
    <item>
      <guid isPermaLink="false">demo-${a.id}</guid>
      <title>${esc(a.title)}</title>
      <link>${origin}/demo/articles/${a.id}?utm_source=rss&amp;utm_medium=feed</link>
      <description>${esc(a.summary)}</description>
      <content:encoded><![CDATA[${a.body}]]></content:encoded>
      <dc:creator>${esc(a.author)}</dc:creator>
      <category>${esc(a.section)}</category>
      <pubDate>${new Date(now - a.minutesAgo * 60_000).toUTCString()}</pubDate>
      <media:thumbnail url="${origin}/demo/img/${a.id}.svg" width="240" height="160"/>
    </item>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Newsbar Demo World</title>
    <link>${origin}/demo/</link>
    <description>Demo articles for Newsbar</description>${items}
  </channel>
</rss>`;
}

export function demoLiveAtom(origin: string, startedAt: number, now: number, everySec?: number): string {
  const entries = liveUpdates(startedAt, now, everySec).map((u) => `
  <entry>
    <id>urn:newsbar-demo:${u.id}</id>
    <title>${esc(u.text)}</title>
    <link href="${origin}/demo/live#${u.id}"/>
    <updated>${new Date(u.at).toISOString()}</updated>
    <category term="live"/>
    <summary type="html">${esc(`<p>${u.text}.</p>`)}</summary>
  </entry>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Newsbar Demo Live: Storm on the coast</title>
  <id>urn:newsbar-demo:live</id>
  <link href="${origin}/demo/live"/>
  <updated>${new Date(now).toISOString()}</updated>${entries}
</feed>`;
}

export function demoJsonFeed(origin: string, now: number): string {
  const items = DEMO_ARTICLES.slice(0, 4).map((a) => ({
    id: `json-${a.id}`,
    url: `${origin}/demo/tech/${a.id}`,
    title: `Analysis: ${a.title}`,
    summary: a.summary,
    content_html: a.body,
    date_published: new Date(now - (a.minutesAgo + 7) * 60_000).toISOString(),
    authors: [{ name: a.author }],
    tags: [a.section],
  }));
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Newsbar Demo Analysis', home_page_url: `${origin}/demo/`, items }, null, 2);
}

export function demoImage(id: string): string {
  const hue = [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160" viewBox="0 0 240 160"><rect width="240" height="160" fill="hsl(${hue},55%,45%)"/><circle cx="180" cy="50" r="28" fill="hsl(${(hue + 40) % 360},70%,70%)"/><path d="M0 130 L70 80 L120 115 L170 70 L240 125 V160 H0Z" fill="hsl(${(hue + 180) % 360},35%,30%)"/></svg>`;
}
