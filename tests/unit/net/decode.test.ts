import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, charsetFromXmlDeclaration, decodeBody } from '@/utils/net/decode';
import { parseSourceBody } from '@/utils/sources/index';

const bytesOf = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/feeds/${name}`));
const titles = (text: string) => parseSourceBody('feed', text).items.map((i) => i.title);

describe('decodeBody', () => {
  it('windows-1252 from the XML declaration: é, “ ”, €, – come out right', () => {
    const bytes = bytesOf('windows-1252.xml');
    expect(bytes.includes(0xe9)).toBe(true); // really single-byte é
    expect(bytes.includes(0x80)).toBe(true); // € in windows-1252
    const text = decodeBody(bytes);
    expect(titles(text)).toEqual(['Café owners say “no” to the €2 tax – again', 'Zürich and Málaga: à la carte']);
    expect(text).not.toContain('\uFFFD');
  });

  it('ISO-8859-1 from the XML declaration', () => {
    const text = decodeBody(bytesOf('iso-8859-1.xml'));
    expect(titles(text)).toEqual(['Grüße aus Köln: £5 für Café crème', 'Señal débil en Año Nuevo']);
  });

  it('UTF-8 with a BOM: the BOM is dropped and multi-byte text survives', () => {
    const text = decodeBody(bytesOf('utf8-bom.xml'));
    expect(text.charCodeAt(0)).toBe('<'.charCodeAt(0));
    expect(titles(text)[0]).toBe('Kraków, São Paulo and 東京 meet at the summit ✓');
  });

  it('the Content-Type charset wins over the XML declaration', () => {
    // Bytes are UTF-8, the declaration wrongly says windows-1252, the header is right.
    const xml = '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>t</title><item><title>Café</title><link>https://x.example/</link></item></channel></rss>';
    const bytes = new TextEncoder().encode(xml);
    expect(titles(decodeBody(bytes, 'application/rss+xml; charset=UTF-8'))).toEqual(['Café']);
    // Without the header the declaration is followed (and gives mojibake, as it should).
    expect(titles(decodeBody(bytes))).toEqual(['CafÃ©']);
    // And the header wins the other way round too.
    expect(titles(decodeBody(bytesOf('windows-1252.xml'), 'text/xml; charset="windows-1252"'))[1]).toBe('Zürich and Málaga: à la carte');
    expect(decodeBody(bytesOf('iso-8859-1.xml'), 'text/xml; charset=utf-8')).toContain('\uFFFD');
  });

  it('a BOM wins over a wrong header (as in browsers)', () => {
    expect(titles(decodeBody(bytesOf('utf8-bom.xml'), 'text/xml; charset=iso-8859-1'))[0]).toBe(
      'Kraków, São Paulo and 東京 meet at the summit ✓',
    );
  });

  it('JSON and undeclared text default to UTF-8', () => {
    const json = '{"title":"Zürich — 東京"}';
    expect(decodeBody(new TextEncoder().encode(json), 'application/json')).toBe(json);
    expect(decodeBody(new TextEncoder().encode(json))).toBe(json);
  });

  it('undeclared bytes that are not UTF-8 fall back to windows-1252 instead of U+FFFD', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<rss><channel><title>Caf'), 0xe9, ...new TextEncoder().encode('</title></channel></rss>')]);
    expect(decodeBody(bytes)).toContain('Café');
  });

  it('ignores unknown charset labels and UTF-16 declared on single-byte text', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><rss/>';
    expect(decodeBody(new TextEncoder().encode(xml))).toBe(xml);
    expect(decodeBody(new TextEncoder().encode('ok'), 'text/plain; charset=x-no-such-charset')).toBe('ok');
  });

  it('decodes UTF-16 with a BOM', () => {
    const s = '<rss>é</rss>';
    const le = new Uint8Array(2 + s.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < s.length; i++) le[2 + i * 2] = s.charCodeAt(i);
    expect(decodeBody(le)).toBe(s);
  });
});

describe('charset helpers', () => {
  it('read the header parameter in its usual spellings', () => {
    expect(charsetFromContentType('text/xml; charset=ISO-8859-1')).toBe('iso-8859-1');
    expect(charsetFromContentType('text/xml;charset="utf-8"')).toBe('utf-8');
    expect(charsetFromContentType("application/rss+xml; foo=bar; CHARSET='windows-1252'")).toBe('windows-1252');
    expect(charsetFromContentType('text/xml')).toBeUndefined();
    expect(charsetFromContentType(undefined)).toBeUndefined();
  });
  it('read the XML declaration, single or double quoted, only at the start', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(charsetFromXmlDeclaration(enc(`<?xml version='1.0' encoding='ISO-8859-15'?><a/>`))).toBe('iso-8859-15');
    expect(charsetFromXmlDeclaration(enc('<?xml version="1.0"?><a/>'))).toBeUndefined();
    expect(charsetFromXmlDeclaration(enc('<a><?xml version="1.0" encoding="koi8-r"?></a>'))).toBeUndefined();
  });
});
