// fast-xml-parser's stop nodes compiled once per parser (scripts/build/stop-nodes-once.ts): the unit
// tests run through the same plugin, so the parsers here are the patched ones.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { compileStopNodesOnce } from '@/scripts/build/stop-nodes-once';

const source = () => fs.readFileSync(path.resolve('node_modules/fast-xml-parser/src/xmlparser/OrderedObjParser.js'), 'utf8');

describe('stop nodes compiled once per parser', () => {
  it("patches the installed fast-xml-parser, and refuses a version whose code it does not know", () => {
    const out = compileStopNodesOnce(source());
    expect(out).toContain('newsbarStopNodeSets.get(stopNodesOpts)');
    expect(out).toContain('newsbarStopNodeSets.set(stopNodesOpts, new WeakRef(this.stopNodeExpressionsSet))');
    expect(() => compileStopNodesOnce(source().replace('this.stopNodeExpressionsSet.seal();', 'this.stopNodeExpressionsSet.lock();'))).toThrow(/fast-xml-parser changed/);
  });

  it('each parser keeps its own stop nodes, read after read, whatever the other parsers stop at', () => {
    const doc = '<r><a><b>one <i>two</i></b></a><c><d>three <i>four</i></d></c></r>';
    const atB = new XMLParser({ stopNodes: ['r.a.b'] });
    const atD = new XMLParser({ stopNodes: ['r.c.d'] });
    const none = new XMLParser();
    for (let round = 0; round < 3; round++) {
      const b = atB.parse(doc);
      const d = atD.parse(doc);
      const n = none.parse(doc);
      expect(b.r.a.b).toBe('one <i>two</i>');
      expect(b.r.c.d).toEqual({ '#text': 'three', i: 'four' });
      expect(d.r.a.b).toEqual({ '#text': 'one', i: 'two' });
      expect(d.r.c.d).toBe('three <i>four</i>');
      expect(n.r.a.b).toEqual({ '#text': 'one', i: 'two' });
    }
  });
});
