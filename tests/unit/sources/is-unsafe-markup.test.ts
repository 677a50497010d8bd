// fast-xml-parser gets scripts/build/is-unsafe-markup.js in place of is-unsafe's index (two of its nine
// rule sets, ~12 KB less in the worker's parsers script): it must answer exactly as is-unsafe does
// for the rule sets fast-xml-parser asks about, and fast-xml-parser must still block unsafe entities.
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import * as real from 'is-unsafe';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JS module of the build (scripts/build/trim-parsers.ts resolves its imports).
import * as markup from '../../../scripts/build/is-unsafe-markup.js';

const trimmed = markup as { isUnsafe(value: string, context: unknown): boolean; HTML: unknown; XML: unknown };

const SAMPLES = [
  'plain words',
  'Fish &amp; chips',
  '<script>alert(1)</script>',
  '<SCRIPT src=//x.example/a.js>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'java&#x09;script:alert(1)',
  'javascript&#58;alert(1)',
  'javascript&colon;alert(1)',
  'java&Tab;script:alert(1)',
  '&lt;script&gt;',
  '<![CDATA[ x ]]>',
  ']]>',
  '<?xml-stylesheet href="a"?>',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
  '<!ENTITY e "x">',
  '<iframe src="https://x.example/">',
  '<svg onload=alert(1)>',
  'data:text/html;base64,PHNjcmlwdD4=',
  "'; DROP TABLE items; --",
  '$(rm -rf /)',
  '<a href="vbscript:msgbox(1)">',
  'style="background:url(javascript:alert(1))"',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
];

describe('is-unsafe, markup rules only (the build of fast-xml-parser)', () => {
  it("uses is-unsafe's own HTML and XML rule lists", () => {
    expect(trimmed.HTML).toBe(real.HTML);
    expect(trimmed.XML).toBe(real.XML);
  });

  it('answers as is-unsafe does, for each list and for both', () => {
    for (const s of SAMPLES) {
      for (const ctx of [real.HTML, real.XML, [real.HTML, real.XML]]) {
        expect(trimmed.isUnsafe(s, ctx), `${JSON.stringify(s)}`).toBe(real.isUnsafe(s, ctx as never));
      }
    }
    expect(SAMPLES.filter((s) => real.isUnsafe(s, [real.HTML, real.XML])).length).toBeGreaterThan(10);
    expect(SAMPLES.filter((s) => !real.isUnsafe(s, [real.HTML, real.XML])).length).toBeGreaterThan(1);
  });

  it('answers as is-unsafe does for arbitrary strings built from markup pieces', () => {
    const piece = fc.constantFrom('<', '>', 'script', 'javascript', ':', '&#58;', '&#x3a;', '&colon;', '&Tab;', 'on', 'error=', '<!', '[CDATA[', ']]>', '<?', 'xml', ' ', 'a', '=', '"', "'", '/', 'iframe', 'svg', 'data:', 'ENTITY', 'SYSTEM');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(trimmed.isUnsafe(s, [real.HTML, real.XML])).toBe(real.isUnsafe(s, [real.HTML, real.XML]));
      }),
      { numRuns: 500, seed: 10 },
    );
  });

  it('refuses rule sets it does not carry, and non-strings, loudly', () => {
    expect(() => trimmed.isUnsafe('x', real.SQL)).toThrow(/only the HTML and XML rules/);
    expect(() => trimmed.isUnsafe(3 as unknown as string, real.HTML)).toThrow(TypeError);
  });

  it('fast-xml-parser still leaves unsafe declared entities unexpanded', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY bad "<script>alert(1)</script>"><!ENTITY js "javascript&#58;alert(1)"><!ENTITY ok "fine words">]><r><a>&bad;</a><b>&ok;</b><c>&js;</c></r>';
    expect(new XMLParser({ processEntities: true }).parse(xml).r).toEqual({ a: '&bad;', b: 'fine words', c: '&js;' });
  });
});
