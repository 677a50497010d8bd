// Response bytes -> text with the right character set. Feeds still come in windows-1252 and
// ISO-8859-1; reading them as UTF-8 turns "café" into "caf�".

/** The charset parameter of a Content-Type header, lower-cased, or undefined. */
export function charsetFromContentType(contentType?: string): string | undefined {
  const m = /;\s*charset\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s;]+))/i.exec(contentType ?? '');
  const cs = (m?.[1] ?? m?.[2] ?? m?.[3])?.trim().toLowerCase();
  return cs || undefined;
}

/** The encoding of an XML declaration (`<?xml version="1.0" encoding="..."?>`) at the start of the bytes. */
export function charsetFromXmlDeclaration(bytes: Uint8Array): string | undefined {
  let head = '';
  const n = Math.min(bytes.length, 512);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]);
  const m = /^(?:\xEF\xBB\xBF)?\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m?.[1].toLowerCase();
}

/** The charset a web page declares in its first bytes (<meta charset> or http-equiv), lower-cased. */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  let head = '';
  const n = Math.min(bytes.length, 2048);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return m?.[1].toLowerCase();
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

// windows-1252's 0x80–0x9F (curly quotes, dashes, €). Some runtimes (Node 20's TextDecoder) decode
// "windows-1252" as plain Latin-1 and turn these into control characters, so they are mapped here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk);
  }
  return out.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

interface Decoder {
  decode(bytes: Uint8Array): string;
}

function decoderFor(label: string): Decoder | undefined {
  try {
    const dec = new TextDecoder(label);
    // The WHATWG Encoding Standard maps latin1, iso-8859-1 and ascii labels to windows-1252 too.
    return dec.encoding === 'windows-1252' ? { decode: decodeCp1252 } : dec;
  } catch {
    return undefined; // unknown label
  }
}

/**
 * Decode a response body. A byte-order mark wins (as in browsers); then the Content-Type charset;
 * then the XML declaration; then UTF-8 — and when undeclared bytes are not valid UTF-8, windows-1252.
 * The BOM is never part of the result.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes); // TextDecoder drops the matching BOM
  for (const label of [charsetFromContentType(contentType), charsetFromXmlDeclaration(bytes)]) {
    if (!label) continue;
    // "UTF-16" declared on bytes without a BOM is a mistake seen on ASCII feeds: ignore it.
    if (label.startsWith('utf-16') || label === 'unicode') continue;
    const dec = decoderFor(label);
    if (dec) return dec.decode(bytes).replace(/^\uFEFF/, '');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return decodeCp1252(bytes);
  }
}

/** A page's body as text: the headers' charset, else its <meta>'s (decodeBody's rules after that). */
export function decodePage(bytes: Uint8Array, contentType: string): string {
  const charset = charsetFromContentType(contentType) ?? charsetFromMeta(bytes);
  return decodeBody(bytes, charset ? `text/html; charset=${charset}` : contentType);
}
