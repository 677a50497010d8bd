// Per-field limits against generated huge inputs: nothing a source sends is stored whole when it is absurd.
import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../../utils/sources/feed';
import { parseNewsApi } from '../../../utils/sources/newsapi';
import {
  AUTHOR_MAX, HTML_MAX, MAX_DEPTH, SUMMARY_HTML_MAX, SUMMARY_TEXT_MAX, TITLE_MAX, capHtml, capText, limitNesting,
} from '../../../utils/sources/limits';

const NOW = Date.UTC(2024, 2, 6);
const MB = 1_000_000;

/** The deepest element nesting of some HTML, counted the way limitNesting counts. */
function depthOf(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)(div|p|span|b|i)\b[^>]*>/g)) {
    depth += m[1] ? -1 : 1;
    max = Math.max(max, depth);
  }
  return max;
}

const rssItem = (fields: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title><link>https://huge.example.com/</link>
<item><guid isPermaLink="false">h1</guid><link>https://huge.example.com/1</link>${fields}</item></channel></rss>`;

// Huge inputs take seconds on a loaded machine: the timeout is a guard against a hang, not a speed check.
describe('per-field limits on what a source sends', { timeout: 60_000 }, () => {
  it('a 1 MB title is cut to what a row can show', () => {
    const title = 'Word '.repeat(MB / 5);
    const [item] = parseFeedText(rssItem(`<title>${title}</title>`), { now: NOW }).items;
    expect(item.title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(item.title.endsWith('…')).toBe(true);
    expect(item.title.startsWith('Word Word')).toBe(true);
  });

  it('a 1 MB author and thousands of categories are cut', () => {
    const [item] = parseFeedText(rssItem(`<title>t</title><author>${'a'.repeat(MB)}</author><category>${'x'.repeat(5000)}</category>${Array.from({ length: 5000 }, (_, i) => `<category>cat${i}</category>`).join('')}`), { now: NOW }).items;
    expect(item.author!.length).toBeLessThanOrEqual(AUTHOR_MAX);
    expect(item.categories.length).toBeLessThanOrEqual(30);
    expect(Math.max(...item.categories.map((c) => c.length))).toBeLessThanOrEqual(100);
  });

  it('a summary that is a whole article becomes the body; the summary keeps its start as text', () => {
    const para = '<p>The council met on Tuesday &amp; voted. </p>';
    const [item] = parseFeedText(rssItem(`<title>t</title><description><![CDATA[${para.repeat(2000)}]]></description>`), { now: NOW }).items;
    expect(item.summaryHtml.length).toBeLessThanOrEqual(SUMMARY_TEXT_MAX * 2);
    expect(item.summaryHtml.startsWith('The council met on Tuesday &amp; voted.')).toBe(true);
    expect(item.contentHtml.startsWith(para)).toBe(true);
  });

  it('HTML bodies are capped to a sane size, never cut inside a tag', () => {
    const body = `<p>${'x'.repeat(40)} <a href="https://huge.example.com/a">link</a></p>`.repeat(20_000); // ~1.7 MB
    const [item] = parseFeedText(rssItem(`<title>t</title><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[${body}]]></content:encoded>`), { now: NOW }).items;
    expect(item.contentHtml.length).toBeLessThanOrEqual(HTML_MAX + 20);
    expect(item.contentHtml.endsWith('<p>…</p>')).toBe(true);
    expect(item.contentHtml.slice(0, -8)).not.toMatch(/<[^>]*$/);
  });

  it('100,000 nested <div>s are unwrapped below the depth limit, their text kept', () => {
    const n = 100_000;
    const nested = `${'<div>'.repeat(n)}deep text${'</div>'.repeat(n)}`;
    const [item] = parseFeedText(rssItem(`<title>t</title><description><![CDATA[${nested}]]></description>`), { now: NOW }).items;
    const stored = item.contentHtml || item.summaryHtml;
    expect(depthOf(stored)).toBeLessThanOrEqual(MAX_DEPTH);
    expect(stored).toContain('deep text');
  });

  it('news API fields get the same limits', () => {
    const feed = parseNewsApi({ status: 'ok', articles: [{ title: 'T'.repeat(MB), url: 'https://api.example.com/1', author: 'A'.repeat(MB), description: '<div>'.repeat(50_000), content: null, source: { name: 'X' } }] }, { now: NOW });
    const [item] = feed.items;
    expect(item.title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(item.author!.length).toBeLessThanOrEqual(AUTHOR_MAX);
    expect(depthOf(item.summaryHtml + item.contentHtml)).toBeLessThanOrEqual(MAX_DEPTH);
  });

  it('a 1 MB guid is cut but stays apart from another long guid with the same start', () => {
    const a = parseFeedText(rssItem(`<title>t</title>`).replace('<guid isPermaLink="false">h1</guid>', `<guid isPermaLink="false">${'g'.repeat(MB)}a</guid>`), { now: NOW }).items[0];
    const b = parseFeedText(rssItem(`<title>t</title>`).replace('<guid isPermaLink="false">h1</guid>', `<guid isPermaLink="false">${'g'.repeat(MB)}b</guid>`), { now: NOW }).items[0];
    expect(a.guid!.length).toBeLessThanOrEqual(1000);
    expect(a.guid).not.toBe(b.guid);
  });
});

describe('limit helpers', { timeout: 60_000 }, () => {
  it('capText cuts at a word boundary and never splits a surrogate pair', () => {
    expect(capText('short', 10)).toBe('short');
    expect(capText('alpha beta gamma delta epsilon', 20)).toBe('alpha beta gamma…');
    expect(capText('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
    const emoji = '😀'.repeat(10);
    const cut = capText(emoji, 6);
    expect(cut).toBe('😀😀…');
  });

  it('capHtml never leaves half a tag or an entity', () => {
    expect(capHtml('<p>abc</p><a href="x">y</a>', 14)).toBe('<p>abc</p><p>…</p>');
    expect(capHtml('<p>a &amp; b</p>', 6)).toBe('<p>a <p>…</p>');
    expect(capHtml('<p>ok</p>', 100)).toBe('<p>ok</p>');
  });

  it('limitNesting keeps ordinary HTML as it is', () => {
    const html = '<div><p>One <b>two</b> <img src="x.jpg"> <br/> three</p><ul><li>a<li>b</ul></div><!-- <div> -->';
    expect(limitNesting(html)).toBe(html);
  });

  it('limitNesting unwraps what is deeper than the limit and its matching closing tags', () => {
    expect(limitNesting('<div><div><div>x</div></div></div>', 2)).toBe('<div><div>x</div></div>');
    expect(limitNesting('<div><span><b>x</b>y</span></div><p>z</p>', 1)).toBe('<div>xy</div><p>z</p>');
  });

  it('limitNesting stays linear on unclosed and stray tags', () => {
    const open = '<span>'.repeat(50_000) + '</div>'.repeat(50_000) + '<a'.repeat(50_000);
    const out = limitNesting(open);
    expect(out.match(/<span>/g)!.length).toBe(MAX_DEPTH);
  });
});
