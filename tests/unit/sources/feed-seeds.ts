// Valid feeds of every format Newsbar reads: the starting points the property tests mutate.
// Files are the hand-written fixtures of tests/fixtures; a few small ones are written here.
import type { SourceKind } from '@/utils/model';

export interface Seed {
  name: string;
  kind: SourceKind;
  /** Under tests/fixtures. */
  file?: string;
  body?: string;
  type?: string;
  /** JSON: its values can be mutated structurally too. */
  json?: boolean;
}

const RSS092 = `<?xml version="1.0"?>
<rss version="0.92"><channel><title>Ninety-two</title><link>https://old.example/</link><description>d</description>
<item><title>First &amp; only</title><link>https://old.example/1</link><description>&lt;p&gt;Text&lt;/p&gt;</description>
<enclosure url="https://old.example/a.jpg" length="1" type="image/jpeg"/></item></channel></rss>`;

const ATOM_XHTML = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/">
<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">The <b>Atom</b> desk</div></title><id>urn:x</id><updated>2026-11-25T10:00:00Z</updated>
<entry><title type="html">Bridge &lt;em&gt;opens&lt;/em&gt;</title><id>urn:x:1</id><link href="/bridge"/><updated>2026-11-25T09:00:00-05:00</updated>
<author><name>Mara</name></author><category term="World"/><summary type="text">Short</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body <img src="/pic.jpg"/></p></div></content></entry></feed>`;

const ATOM03_BASE64 = `<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title mode="base64">TGVnYWN5IGJsb2c=</title>
<link rel="alternate" type="text/html" href="https://legacy.example/"/>
<entry><title type="text/plain" mode="base64">QXJjaGl2ZSBtb3ZlZA==</title><link rel="alternate" type="text/html" href="https://legacy.example/a"/>
<id>tag:legacy.example,2024:1</id><issued>2024-03-01T08:00:00Z</issued></entry></feed>`;

export const SEEDS: Seed[] = [
  { name: 'RSS 2.0', kind: 'feed', file: 'feeds/rss2.xml', type: 'application/rss+xml' },
  { name: 'RSS 2.0 (hostile)', kind: 'feed', file: 'feeds/hostile.xml', type: 'application/rss+xml' },
  { name: 'RSS 0.91', kind: 'feed', file: 'feeds/rss091.xml', type: 'application/rss+xml' },
  { name: 'RSS 0.92', kind: 'rss', body: RSS092, type: 'text/xml' },
  { name: 'Atom 1.0', kind: 'feed', file: 'feeds/atom.xml', type: 'application/atom+xml' },
  { name: 'Atom 1.0 (xhtml)', kind: 'atom', body: ATOM_XHTML, type: 'application/atom+xml' },
  { name: 'Atom 0.3', kind: 'feed', file: 'feeds/atom03.xml', type: 'application/atom+xml' },
  { name: 'Atom 0.3 (xhtml titles)', kind: 'feed', file: 'feeds/atom03-xhtml-titles.xml' },
  { name: 'Atom 0.3 (base64)', kind: 'feed', body: ATOM03_BASE64 },
  { name: 'RDF (RSS 1.0)', kind: 'feed', file: 'feeds/rdf.xml', type: 'application/rdf+xml' },
  { name: 'namespaced titles', kind: 'feed', file: 'feeds/namespaced-titles.xml' },
  { name: 'JSON Feed 1.0', kind: 'feed', file: 'feeds/jsonfeed-1.0.json', type: 'application/feed+json', json: true },
  { name: 'JSON Feed 1.1', kind: 'json', file: 'feeds/jsonfeed-1.1.json', type: 'application/feed+json', json: true },
  { name: 'NewsAPI', kind: 'newsapi', file: 'feeds/newsapi.json', type: 'application/json', json: true },
  { name: 'NewsAPI (wild)', kind: 'newsapi', file: 'feeds/newsapi-wild.json', type: 'application/json', json: true },
  { name: 'Guardian', kind: 'guardian', file: 'feeds/guardian.json', type: 'application/json', json: true },
  { name: 'Guardian (live blog)', kind: 'guardian', file: 'feeds/guardian-liveblog.json', type: 'application/json', json: true },
  { name: 'GNews', kind: 'gnews', file: 'feeds/gnews.json', type: 'application/json', json: true },
  { name: 'live page (JSON-LD)', kind: 'live', file: 'live/jsonld-top.html', type: 'text/html' },
  { name: 'live page (JSON-LD graph)', kind: 'live', file: 'live/jsonld-graph.html', type: 'text/html' },
  { name: 'live page (microdata)', kind: 'live', file: 'live/microdata.html', type: 'text/html' },
  { name: 'live page (dated list)', kind: 'live', file: 'live/latest-list.html', type: 'text/html' },
];
