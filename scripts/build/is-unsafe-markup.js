// is-unsafe as fast-xml-parser uses it (the entities a feed's DOCTYPE declares, checked against the
// HTML and XML rules: scripts/build/trim-parsers.ts puts this module in its place for fast-xml-parser).
// is-unsafe's index labels all nine of its rule sets (SQL, shell, NoSQL, ...) at its top level, so no
// bundler can drop the seven fast-xml-parser never asks for (~12 KB). The rules and the entity decoding
// are is-unsafe's own files; only the matching loop is here, the same as is-unsafe's isUnsafe.
import HTML from 'is-unsafe/src/contexts/html.js';
import XML from 'is-unsafe/src/contexts/xml.js';
import decodeEntities from 'is-unsafe/src/util/decode-entities.js';

export { HTML, XML };

/** True when `value` matches a rule of `context` (one rule list or an array of them), as is, or entity-decoded. */
export function isUnsafe(value, context) {
  if (typeof value !== 'string') throw new TypeError(`is-unsafe: first argument must be a string, got ${typeof value}`);
  const lists = Array.isArray(context) && Array.isArray(context[0]) ? context : [context];
  for (const list of lists) {
    // Only the markup rule sets are here; both are matched against the entity-decoded copy too.
    if (list !== HTML && list !== XML) throw new TypeError('is-unsafe (Newsbar build): only the HTML and XML rules are bundled');
    const decoded = decodeEntities(value);
    for (const rule of list) {
      if (rule.pattern.test(value) || (decoded !== value && rule.pattern.test(decoded))) return true;
    }
  }
  return false;
}
