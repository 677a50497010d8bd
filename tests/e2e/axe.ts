// axe-core's serious and critical findings on a page of the extension, as short readable lines.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { InPage } from './scopes';

const AXE = path.resolve('node_modules/axe-core/axe.min.js');

export async function axeViolations(p: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the extension page's CSP blocks inline scripts.
  if (!(await p.evaluate(() => typeof (window as InPage).axe === 'object'))) await p.evaluate(fs.readFileSync(AXE, 'utf8'));
  const res = await p.evaluate(async () => (window as InPage).axe.run(document, { resultTypes: ['violations'] }));
  return (res.violations as Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>)
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}
