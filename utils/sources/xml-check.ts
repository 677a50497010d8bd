// XML well-formedness check with line numbers, worded for users. feedsmith reads some broken XML
// without complaint, so the feed parser asks fast-xml-parser's validator where the problem is.
import { XMLValidator } from 'fast-xml-parser';

export interface XmlProblem {
  message: string;
  line: number;
  column?: number;
  field?: string;
}

/** A name or text from the feed as it may appear in a message: a broken feed can hold a 1 MB tag name. */
function short(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** From a '<': a comment, CDATA, a processing instruction, the doctype, a closing tag (1) or a tag (2, 3: '/' when it closes itself). */
const MARKUP = /<(?:!--[\s\S]*?--|!\[CDATA\[[\s\S]*?\]\]|\?[\s\S]*?\?|!DOCTYPE(?:[^[>]|\[[^\]]*\])*|\/([A-Za-z_][\w.:-]*)\s*|([A-Za-z_][\w.:-]*)(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?))>/y;

/**
 * Do the tags nest, every one closed in order? Read one regex step per piece of markup: true only when
 * all of the text's markup is of the plain kinds above and nests; false when it cannot tell (anything
 * unusual, or broken), and the validator decides. The validator walks every character of a feed
 * already parsed, which took an eighth of the parse.
 */
export function tagsNest(xml: string): boolean {
  const open: string[] = [];
  let elements = 0;
  let i = xml.indexOf('<');
  while (i >= 0) {
    MARKUP.lastIndex = i;
    const m = MARKUP.exec(xml);
    if (!m) return false;
    if (m[1] !== undefined) {
      if (open.pop() !== m[1]) return false;
    } else if (m[2] !== undefined) {
      elements++;
      if (!m[3]) open.push(m[2]);
    }
    i = xml.indexOf('<', MARKUP.lastIndex);
  }
  return elements > 0 && open.length === 0;
}

/** Check the XML with fast-xml-parser's validator; returns the problem in plain words, or undefined. */
export function findXmlProblem(text: string, fatalOnly: boolean): XmlProblem | undefined {
  const noBom = text.replace(/^\uFEFF/, '');
  const trimmed = noBom.trimStart();
  // Only unclosed and crossed tags are fatal: a feed whose tags nest has neither.
  if (fatalOnly && tagsNest(trimmed)) return undefined;
  const shift = noBom.length - trimmed.length ? noBom.slice(0, noBom.length - trimmed.length).split('\n').length - 1 : 0;
  const res = XMLValidator.validate(trimmed, { allowBooleanAttributes: true });
  if (res === true) return undefined;
  const { code, msg } = res.err;
  const line = res.err.line + shift;
  const column = res.err.col;
  const unclosedAtEnd = code === 'InvalidXml' && /^Invalid '\[/.test(msg);
  if (fatalOnly && code !== 'InvalidTag' && !unclosedAtEnd) return undefined;
  if (unclosedAtEnd) {
    const names = [...msg.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    const tag = short(names[names.length - 1] ?? 'a tag');
    const last = noBom.split('\n').length;
    return { message: `the feed is not valid XML: it ends (line ${last}) before <${tag}> is closed`, line: last, field: tag };
  }
  let m = /^Expected closing tag '([^']+)' \(opened in line (\d+), col \d+\) instead of closing tag '([^']+)'/.exec(msg);
  if (m) {
    const opened = +m[2] + shift;
    return {
      message: `the feed is not valid XML: <${short(m[1])}> on line ${opened} is never closed (found </${short(m[3])}> on line ${line})`,
      line: opened, field: short(m[1]),
    };
  }
  m = /^Closing tag '([^']+)' has not been opened/.exec(msg);
  if (m) return { message: `the feed is not valid XML: </${short(m[1])}> on line ${line} closes a tag that was never opened`, line, column, field: short(m[1]) };
  const text1 = short(msg.replace(/\.$/, ''), 200);
  return { message: `the feed is not valid XML: ${text1.charAt(0).toLowerCase()}${text1.slice(1)} (line ${line}, column ${column})`, line, column };
}
