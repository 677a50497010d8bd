// fast-xml-parser compiles its `stopNodes` option (tag path patterns) into a set of expressions in the
// constructor of the parser it makes for every document it reads. feedsmith gives each format's
// parser about 425 patterns, so every feed read compiled them all again: a poll of 200 feeds made
// 85,000 expressions (about 50 MB of garbage and ~60 ms of the worker's time in a profile). This keeps
// one compiled set per parser's stopNodes array (the array fast-xml-parser builds once per XMLParser,
// from patterns that never change); a sealed set is only read while parsing. The set is held weakly:
// kept while a poll reads feeds, given back to the garbage collector when the worker sits idle (held
// for good, it stayed in the worker's heap after every poll: +0.14 MB of 2.9).
import type { Plugin } from 'vite';

const FILE = /[/\\]node_modules[/\\]fast-xml-parser[/\\]src[/\\]xmlparser[/\\]OrderedObjParser\.js$/;

/** What is replaced, as fast-xml-parser 5.11 writes it, and with what. */
const EDITS: Array<[RegExp, string]> = [
  [
    /this\.stopNodeExpressionsSet = new ExpressionSet\(\);(\s*)const stopNodesOpts = this\.options\.stopNodes;(\s*)if \(stopNodesOpts && stopNodesOpts\.length > 0\) \{/,
    'const stopNodesOpts = this.options.stopNodes;$1this.stopNodeExpressionsSet = (stopNodesOpts && newsbarStopNodeSets.get(stopNodesOpts)?.deref()) || new ExpressionSet();$2if (stopNodesOpts && stopNodesOpts.length > 0 && !this.stopNodeExpressionsSet.isSealed) {',
  ],
  [/this\.stopNodeExpressionsSet\.seal\(\);/, 'this.stopNodeExpressionsSet.seal(); newsbarStopNodeSets.set(stopNodesOpts, new WeakRef(this.stopNodeExpressionsSet));'],
];

/** The module with its stop nodes compiled once per parser; throws if fast-xml-parser's code changed. */
export function compileStopNodesOnce(code: string, file = 'OrderedObjParser.js'): string {
  let out = code;
  for (const [from, to] of EDITS) {
    const hits = out.match(new RegExp(from.source, 'g'))?.length ?? 0;
    if (hits !== 1) throw new Error(`stop-nodes-once: expected one match of ${from} in ${file}, found ${hits} (fast-xml-parser changed: check scripts/build/stop-nodes-once.ts)`);
    out = out.replace(from, to);
  }
  return `${out}\nconst newsbarStopNodeSets = new WeakMap();\n`;
}

export function stopNodesOnce(): Plugin {
  return {
    name: 'newsbar-stop-nodes-once',
    enforce: 'pre',
    transform(code, id) {
      return FILE.test(id) ? { code: compileStopNodesOnce(code, id), map: null } : null;
    },
  };
}
