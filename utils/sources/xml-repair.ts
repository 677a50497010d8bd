// Repairs of XML as some feeds send it, before it is read (feedsmith does not know these cases).
// Linear in the size of the body: a hostile feed can be megabytes of repeated markup.

/** Atom 0.3's base64 text constructs (mode="base64"), seen by a quick look before the full pass. */
const HAS_BASE64 = /\bmode\s*=\s*["']base64["']/;
const BASE64_ELEMENT = /<([A-Za-z_][\w.-]*(?::[\w.-]+)?)(\s[^<>]*?\bmode\s*=\s*(["'])base64\3[^<>]*)>([^<]*)<\/\1\s*>/g;
// Characters XML 1.0 does not allow, even escaped.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escapeXmlText(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** UTF-8 text of a base64 value, or undefined when it is not base64. */
function fromBase64(value: string): string | undefined {
  const b64 = value.replace(/\s+/g, '');
  if (!b64 || b64.length % 4 === 1 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return undefined;
  try {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Atom 0.3 text constructs with mode="base64" (titles, summaries, content): their decoded text, escaped, in
 * place of the base64, so the element's type (plain text or markup) still decides how it is read. A value
 * that is not base64 is left as it is.
 */
export function decodeBase64Modes(xml: string): string {
  if (!HAS_BASE64.test(xml)) return xml;
  return xml.replace(BASE64_ELEMENT, (all, name: string, attrs: string, _q: string, value: string) => {
    const text = fromBase64(value);
    if (text === undefined) return all;
    return `<${name}${attrs.replace(/\bmode\s*=\s*(["'])base64\1/, 'mode="escaped"')}>${escapeXmlText(text)}</${name}>`;
  });
}

const TITLE_TOKEN = /<!\[CDATA\[|<!--|<(\/?)((?:[A-Za-z_][\w.-]*:)?title)(?=[\s/>])[^<>]*>/g;

/**
 * A comment opened inside a title and not closed before the title's end tag ("Storm warning <!--</title>",
 * from feeds that cut a headline's HTML short) would make the rest of the feed a comment: the feed fails, or
 * the next item's link and text are joined to this title. It is taken as an unclosed HTML comment that ends
 * with the title, as a browser would read the headline: dropped, from "<!--" to the title's end.
 */
export function closeDanglingTitleComments(xml: string): string {
  if (!xml.includes('<!--')) return xml;
  const parts: string[] = [];
  let last = 0;
  let open: string | null = null; // the title element we are inside, by name
  // Cached look-aheads (each moves only forward), so many comments cost one pass.
  let commentEnd = -1;
  let titleEnd = -1;
  let titleEndOf = '';
  TITLE_TOKEN.lastIndex = 0;
  for (let m = TITLE_TOKEN.exec(xml); m; m = TITLE_TOKEN.exec(xml)) {
    if (m[0] === '<![CDATA[') {
      const e = xml.indexOf(']]>', TITLE_TOKEN.lastIndex);
      if (e < 0) break;
      TITLE_TOKEN.lastIndex = e + 3;
      continue;
    }
    if (m[0] === '<!--') {
      if (commentEnd < m.index) {
        const e = xml.indexOf('-->', m.index + 4);
        commentEnd = e < 0 ? xml.length : e;
      }
      if (open) {
        if (titleEndOf !== open || (titleEnd >= 0 && titleEnd < m.index)) {
          titleEndOf = open;
          titleEnd = xml.indexOf(`</${open}`, m.index + 4);
        }
        if (titleEnd >= 0 && titleEnd < commentEnd) {
          parts.push(xml.slice(last, m.index));
          last = titleEnd;
          TITLE_TOKEN.lastIndex = titleEnd;
          continue;
        }
      }
      if (commentEnd >= xml.length) break;
      TITLE_TOKEN.lastIndex = commentEnd + 3;
      continue;
    }
    if (m[1]) open = null;
    else if (!m[0].endsWith('/>')) open = m[2];
  }
  if (!parts.length) return xml;
  parts.push(xml.slice(last));
  return parts.join('');
}

/** Every repair, in order. */
export function repairXml(xml: string): string {
  return closeDanglingTitleComments(decodeBase64Modes(xml));
}
