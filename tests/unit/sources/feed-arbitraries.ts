// fast-check generators for the feed property tests: text mutations of a valid body, structural
// mutations of a JSON body, and random documents made of feed vocabulary.
import fc from 'fast-check';
import type { SourceKind } from '@/utils/model';
import { SOURCE_KINDS } from '@/utils/sources/kinds';

/** Every kind of the table: a new kind is fuzzed with no change here. */
export const PARSER_KINDS: readonly SourceKind[] = SOURCE_KINDS;

/** Pieces that break parsers: markup, entities, encodings, dates, JSON punctuation, odd characters. */
const TOKENS = [
  '<', '>', '&', ';', '"', "'", '/', '=', ' ', '\n', '\r', '\t', '\u0000', '\u0001', '\uFFFE', '\uFEFF', '\uD800', '\uDC00', '😀', 'é',
  '<![CDATA[', ']]>', '<!--', '-->', '--!>', '<?xml version="1.0" encoding="utf-8"?>', '<?xml-stylesheet href="x"?>',
  '<!DOCTYPE rss [<!ENTITY x "xxxxxxxxxx">]>', '<!DOCTYPE x [<!ENTITY a "&b;&b;"><!ENTITY b "&c;&c;"><!ENTITY c "cc">]>', '&x;', '&a;', '&undefined;',
  '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&nbsp;', '&#0;', '&#65;', '&#x41;', '&#x110000;', '&#xD800;', '&#99999999999;', '&amp;lt;',
  '<title>', '</title>', '<item>', '</item>', '<entry>', '</entry>', '<channel>', '</channel>', '<link>', '</link>', '<link href="/x"/>',
  '<guid>', '</guid>', '<id>', '</id>', '<description>', '</description>', '<content:encoded>', '<summary type="html">', '<content type="xhtml">',
  '<div xmlns="http://www.w3.org/1999/xhtml">', '</div>', '<dc:title>', '<dc:date>', '<dc:creator>', '<media:title>', '<media:thumbnail url="http://i.example/a.jpg"/>',
  '<media:content url="/b.png" width="1" height="1"/>', '<enclosure url="x" type="image/png"/>', '<category>', '<category term="a"/>',
  'type="html"', 'type="xhtml"', 'type="text"', 'type="application/xhtml+xml"', 'mode="base64"', 'mode="escaped"', 'mode="xml"', 'xml:base="//x"',
  'xmlns="http://purl.org/atom/ns#"', 'xmlns="http://www.w3.org/2005/Atom"', 'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  '<pubDate>', 'Tue, 31 Feb 2026 25:61:61 EST', 'Mon, 24 Nov 2026 10:00:00 AT', '2026-13-45T99:99:99Z', '0000-00-00', '99999-01-01', 'Etc/GMT+25',
  '{', '}', '[', ']', ':', ',', 'null', 'true', '1e999', '-0', '9007199254740993', '"items":', '"articles":', '"results":', '"response":',
  '"version":', '"title":', '"url":', '"id":', '"status":"error"', '"https://jsonfeed.org/version/1.1"', '"content_html":', '"date_published":',
  'javascript:alert(1)', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'http://', '//', '\\u0000', '\\ud800', '\\',
  '<script type="application/ld+json">', '"@type":"LiveBlogPosting"', '"liveBlogUpdate":', 'itemprop="liveBlogUpdate"', '<time datetime="2026-11-25T10:00Z">',
];

const token = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) });
/** A place in the text, as a fraction of its length (so it fits any seed). */
const at = fc.double({ min: 0, max: 1, noNaN: true });

export type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'repeat'; at: number; len: number; times: number }
  | { op: 'move'; at: number; len: number; to: number }
  | { op: 'truncate'; at: number }
  | { op: 'replaceAll'; from: string; to: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at, text: token }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at, len: fc.integer({ min: 1, max: 200 }) }) },
  // Repeated slices: huge bodies, deep nesting, many items.
  { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat' as const), at, len: fc.integer({ min: 1, max: 400 }), times: fc.integer({ min: 2, max: 3000 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('move' as const), at, len: fc.integer({ min: 1, max: 300 }), to: at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('replaceAll' as const), from: fc.constantFrom('<', '>', '"', '&', ':', '/', 'title', 'item', 'entry', 'link', '{', '[', ','), to: token }) },
);
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 8 });

const MAX_BODY = 4_000_000;
const pos = (s: string, f: number) => Math.min(s.length, Math.floor(f * s.length));

export function applyMutations(body: string, ms: Mutation[]): string {
  let s = body;
  for (const m of ms) {
    const i = 'at' in m ? pos(s, m.at) : 0;
    switch (m.op) {
      case 'insert': s = s.slice(0, i) + m.text + s.slice(i); break;
      case 'delete': s = s.slice(0, i) + s.slice(i + m.len); break;
      case 'repeat': {
        const piece = s.slice(i, i + m.len);
        if (piece.length * m.times < MAX_BODY) s = s.slice(0, i) + piece.repeat(m.times) + s.slice(i + m.len);
        break;
      }
      case 'move': {
        const piece = s.slice(i, i + m.len);
        const rest = s.slice(0, i) + s.slice(i + m.len);
        const j = pos(rest, m.to);
        s = rest.slice(0, j) + piece + rest.slice(j);
        break;
      }
      case 'truncate': s = s.slice(0, i); break;
      case 'replaceAll': s = s.split(m.from).join(m.to); break;
    }
  }
  return s;
}

// --- JSON: values replaced, removed or duplicated somewhere in the tree ---

const jsonLeaf = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.constantFrom('', ' ', 'https://x.example/a', '/rel', 'javascript:alert(1)', '2026-11-25T10:00:00Z', 'Tue, 25 Nov 2026 10:00:00 PST', '<p>x</p>', 'a'.repeat(5000), '1.0', 'ok', 'error'),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const jsonAny = fc.oneof({ weight: 4, arbitrary: jsonLeaf }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: fc.array(jsonLeaf, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), jsonLeaf, { maxKeys: 4 }) });

export type JsonMutation = { path: number[]; op: 'set' | 'delete' | 'duplicate' | 'wrap'; value: unknown };
export const jsonMutations = fc.array(
  fc.record({ path: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), op: fc.constantFrom('set' as const, 'delete' as const, 'duplicate' as const, 'wrap' as const), value: jsonAny }),
  { minLength: 1, maxLength: 6 },
);

/** Walk `path` (each number picks a key or index, modulo their count) and change what is there. */
function mutateAt(root: unknown, m: JsonMutation): unknown {
  if (root === null || typeof root !== 'object') return m.op === 'set' ? m.value : root;
  /** An object or an array, indexed by key or position (both are plain JSON here). */
  let parent = root as Record<string | number, unknown>;
  for (let d = 0; d < m.path.length; d++) {
    const keys = Array.isArray(parent) ? parent.map((_: unknown, i: number) => i) : Object.keys(parent);
    if (!keys.length) break;
    const key = keys[m.path[d] % keys.length];
    const child = parent[key];
    const last = d === m.path.length - 1 || child === null || typeof child !== 'object';
    if (!last) {
      parent = child as Record<string | number, unknown>;
      continue;
    }
    if (m.op === 'set') parent[key] = m.value;
    else if (m.op === 'wrap') parent[key] = [child];
    else if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(child));
    else parent[`${String(key)}_`] = structuredClone(child);
    break;
  }
  return root;
}

export function applyJsonMutations(body: string, ms: JsonMutation[]): string {
  let v: unknown = JSON.parse(body);
  for (const m of ms) v = mutateAt(v, m);
  return JSON.stringify(v) ?? 'null';
}

// --- random documents ---

const NAMES = [
  'rss', 'channel', 'item', 'title', 'link', 'guid', 'pubDate', 'description', 'author', 'category', 'enclosure', 'comments', 'source',
  'feed', 'entry', 'id', 'updated', 'published', 'issued', 'modified', 'summary', 'content', 'name', 'email', 'uri', 'subtitle', 'tagline',
  'rdf:RDF', 'rss:item', 'items', 'rdf:Seq', 'rdf:li', 'dc:title', 'dc:date', 'dc:creator', 'dc:subject', 'content:encoded', 'media:title',
  'media:thumbnail', 'media:content', 'media:group', 'atom:link', 'div', 'p', 'img', 'b', 'x',
];
const ATTRS = ['href', 'rel', 'type', 'mode', 'url', 'width', 'height', 'term', 'label', 'version', 'xmlns', 'xml:base', 'isPermaLink', 'rdf:about', 'rdf:resource', 'src'];
const ATTR_VALUES = ['html', 'xhtml', 'text', 'text/html', 'text/plain', 'application/xhtml+xml', 'base64', 'escaped', 'xml', 'alternate', 'self', 'enclosure', '2.0', '0.3', '1', '0', 'true', 'false', 'http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#', 'https://a.example/x', '/rel', '', 'image/png', 'SGVsbG8=', '&amp;', '&lt;b&gt;'];
const TEXTS = ['Hello', 'A &amp; B', '&lt;b&gt;bold&lt;/b&gt;', '<![CDATA[<p>cdata</p>]]>', 'https://a.example/1', '/rel/2', 'Tue, 25 Nov 2026 10:00:00 GMT', '2026-11-25T10:00:00Z', 'SGVsbG8gd29ybGQ=', '', ' ', '&#x1F600;', '&bogus;', 'x'.repeat(400)];

const attr = fc.tuple(fc.constantFrom(...ATTRS), fc.oneof(fc.constantFrom(...ATTR_VALUES), fc.string({ maxLength: 8 }).map((s) => s.replace(/[<&"]/g, ''))));
const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...TEXTS),
    fc.record({ name: fc.constantFrom(...NAMES), attrs: fc.array(attr, { maxLength: 3 }), kids: fc.array(tie('node'), { maxLength: 5 }) }).map(({ name, attrs, kids }) => {
      const a = attrs.map(([k, v]) => ` ${k}="${v}"`).join('');
      return kids.length ? `<${name}${a}>${kids.join('')}</${name}>` : `<${name}${a}/>`;
    }),
  ),
}));

const ROOTS = [
  (b: string) => `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>${b}</channel></rss>`,
  (b: string) => `<feed xmlns="http://www.w3.org/2005/Atom">${b}</feed>`,
  (b: string) => `<feed version="0.3" xmlns="http://purl.org/atom/ns#">${b}</feed>`,
  (b: string) => `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">${b}</rdf:RDF>`,
  (b: string) => b,
];
export const randomXmlFeed = fc
  .tuple(fc.constantFrom(...ROOTS), fc.array(node, { maxLength: 8 }), fc.boolean())
  .map(([root, kids, decl]) => `${decl ? '<?xml version="1.0" encoding="utf-8"?>\n' : ''}${root(kids.join('\n'))}`);

const KEYS = ['version', 'title', 'home_page_url', 'feed_url', 'items', 'id', 'url', 'external_url', 'content_html', 'content_text', 'summary', 'image', 'date_published', 'date_modified', 'authors', 'author', 'name', 'tags',
  'status', 'totalResults', 'articles', 'source', 'description', 'urlToImage', 'publishedAt', 'content', 'code', 'message',
  'response', 'results', 'webTitle', 'webUrl', 'webPublicationDate', 'fields', 'trailText', 'body', 'byline', 'thumbnail', 'liveBloggingNow', 'sectionName', 'totalArticles', 'errors'];
const { jvalue } = fc.letrec<{ jvalue: unknown }>((tie) => ({
  jvalue: fc.oneof(
    { depthSize: 'small' },
    jsonLeaf,
    fc.array(tie('jvalue'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('jvalue'), { maxKeys: 6 }),
  ),
}));
const SHAPES = [
  (v: unknown) => ({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items: Array.isArray(v) ? v : [v] }),
  (v: unknown) => ({ status: 'ok', totalResults: 1, articles: Array.isArray(v) ? v : [v] }),
  (v: unknown) => ({ response: { status: 'ok', results: Array.isArray(v) ? v : [v] } }),
  (v: unknown) => ({ totalArticles: 1, articles: Array.isArray(v) ? v : [v] }),
  (v: unknown) => v,
];
export const randomJsonBody = fc.tuple(fc.constantFrom(...SHAPES), jvalue).map(([shape, v]) => JSON.stringify(shape(v)) ?? 'null');
