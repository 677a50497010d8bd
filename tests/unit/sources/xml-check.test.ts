import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { findXmlProblem, tagsNest } from '@/utils/sources/xml-check';

/** Every XML file under tests/fixtures (feeds, search feeds, live pages' feeds, the feed server's). */
function xmlFixtures(dir = 'tests/fixtures'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? xmlFixtures(p) : name.endsWith('.xml') || name.endsWith('.rss') || name.endsWith('.atom') ? [p] : [];
  });
}

/** What the validator alone says is fatal (crossed or unclosed tags), as findXmlProblem judged before the quick check. */
function validatorFatal(xml: string): boolean {
  const res = XMLValidator.validate(xml.replace(/^\uFEFF/, '').trimStart(), { allowBooleanAttributes: true });
  if (res === true) return false;
  return res.err.code === 'InvalidTag' || (res.err.code === 'InvalidXml' && /^Invalid '\[/.test(res.err.msg));
}

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]>
<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
  <!-- a comment with <b>tags</b> in it -->
  <channel>
    <title>News &amp; more</title>
    <item>
      <title><![CDATA[Prices <rise> again]]></title>
      <link>https://news.example/a?x=1&amp;y=2</link>
      <media:content url="https://img.example/a.jpg" medium='image' title="a > b"/>
      <description>&lt;p&gt;Text&lt;/p&gt;</description>
      <enclosure url="https://a.example/b.mp3" length="1" type="audio/mpeg" />
    </item>
  </channel>
</rss>`;

describe('tagsNest: the quick check before the validator', () => {
  it('reads the plain kinds of markup of a real feed: declaration, doctype, instructions, comments, CDATA, attributes', () => {
    expect(tagsNest(FEED)).toBe(true);
    expect(validatorFatal(FEED)).toBe(false);
  });

  it('never passes what the validator finds fatal, on every XML fixture', () => {
    const files = xmlFixtures();
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const xml = readFileSync(f, 'utf8');
      if (tagsNest(xml.replace(/^\uFEFF/, '').trimStart())) expect(validatorFatal(xml), f).toBe(false);
    }
  });

  it('passes nothing crossed, unclosed or cut off, and findXmlProblem still names the problem', () => {
    const broken = [
      FEED.replace('</item>', ''), // an unclosed item
      FEED.replace('<title>News &amp; more</title>', '<title>News <b>more</title></b>'), // crossed tags
      FEED.replace('</channel>', '</chanel>'),
      FEED.slice(0, FEED.indexOf('</channel>')), // cut off
    ];
    for (const xml of broken) {
      expect(tagsNest(xml)).toBe(false);
      expect(findXmlProblem(xml, true)?.message).toMatch(/not valid XML/);
    }
  });

  it('a feed cut anywhere before its end never passes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: FEED.lastIndexOf('</rss>') }), (cut) => {
        expect(tagsNest(FEED.slice(0, cut))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves anything unusual to the validator (an unquoted attribute, a non-ASCII tag name)', () => {
    expect(tagsNest('<rss><channel a=1></channel></rss>')).toBe(false);
    expect(tagsNest('<rss><café>x</café></rss>')).toBe(false);
    expect(findXmlProblem('<rss><café>x</café></rss>', true)).toBeUndefined();
  });
});
