// Plain text from a feed's HTML: what the story words, the search words and a summary cut to text read.
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '@/utils/normalize/text';

describe('htmlToText', () => {
  it('drops tags, comments, scripts and styles, and spaces out blocks', () => {
    expect(htmlToText('<p>First <b>bold</b> line.</p><p>Second</p>')).toBe('First bold line. Second');
    expect(htmlToText('a<br>b<br/><ul><li>c</li><li>d</li></ul>')).toBe('a b c d');
    expect(htmlToText('keep <!-- a > b --> this')).toBe('keep this');
    expect(htmlToText('open <!-- never closed <p>gone</p>')).toBe('open');
    expect(htmlToText('x<script>alert("<p>")</script>y<style>p{}</style>z')).toBe('x y z');
  });

  it('decodes entities after the tags are gone, so an escaped tag stays text', () => {
    expect(htmlToText('<p>Fish &amp; chips &lt;b&gt; &#8217; &#x2014;</p>')).toBe('Fish & chips <b> \u2019 \u2014');
  });

  it('reads text without any tag the same way: entities decoded, white space folded', () => {
    expect(htmlToText('  Storm\n\tnears   the coast  ')).toBe('Storm nears the coast');
    expect(htmlToText('Tom &amp; Jerry &lt;3')).toBe('Tom & Jerry <3');
    expect(htmlToText('AT&T profits & losses; R&D')).toBe('AT&T profits & losses; R&D');
    expect(htmlToText('')).toBe('');
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric entities and leaves unknown ones and bare ampersands', () => {
    expect(decodeEntities('&quot;a&quot; &apos; &#65;&#x42; &bogus; & x')).toBe('"a" \' AB &bogus; & x');
    expect(decodeEntities('&#0; &#x110000;')).toBe('&#0; &#x110000;');
    expect(decodeEntities('no entity here')).toBe('no entity here');
  });
});
