// `npx tsx scripts/bench/sanitize-nesting.ts`: how long the sanitizer takes on 100,000 nested <div>s,
// with the nesting limit (Newsbar's sanitizeHtml) and without it (DOMPurify alone, as before the
// limit), against a flat body of the same size measured in the same run. Under jsdom, as in the unit tests.
import { JSDOM } from 'jsdom';
import { median, ms } from './common';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { window: dom.window, Element: dom.window.Element, document: dom.window.document });
const { default: DOMPurify } = await import('dompurify');
const { sanitizeHtml } = await import('../../utils/sanitize');

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const n = Number(process.env.NEST ?? 100_000);
const nested = `${'<div>'.repeat(n)}deep text${'</div>'.repeat(n)}`;
const flat = `<p>${'x'.repeat(nested.length - 7)}</p>`;
const raw = DOMPurify(dom.window as unknown as Window & typeof globalThis);
const time = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const r = { flat: [] as number[], limited: [] as number[], unlimited: [] as number[] };
for (let k = 0; k < RUNS; k++) {
  r.flat.push(time(() => sanitizeHtml(flat)));
  r.limited.push(time(() => sanitizeHtml(nested)));
  if (!process.env.SKIP_UNLIMITED) r.unlimited.push(time(() => raw.sanitize(nested)));
}
const base = median(r.flat);
console.log(`| case (${nested.length.toLocaleString('en-US')} chars) | median of ${RUNS} | ratio to flat |`);
console.log('| --- | --- | --- |');
console.log(`| flat body of the same size (baseline) | ${ms(base)} | 1.00 |`);
console.log(`| ${n.toLocaleString('en-US')} nested divs, sanitizeHtml (nesting limited) | ${ms(median(r.limited))} | ${(median(r.limited) / base).toFixed(2)} |`);
if (r.unlimited.length) console.log(`| ${n.toLocaleString('en-US')} nested divs, DOMPurify alone (no limit) | ${ms(median(r.unlimited))} | ${(median(r.unlimited) / base).toFixed(2)} |`);
