// @vitest-environment node
// Property-based tests of the parser entry (parseSourceBody, what the poller calls with every body): valid
// feeds of every format, mutated at random, and random documents. Whatever comes in, it returns items within
// the per-field limits or throws a SourceFormatError (a clear, typed error with a problem code), never
// anything else, and it finishes well within a generous bound per input. numRuns is kept so the file runs
// in a few seconds; FC_RUNS=<n> runs n per property (as docs/RELIABILITY.md reports), FC_SEED=<n> replays.
// No DOM here: the parser runs in the service worker, which has none.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSourceBody, SourceFormatError } from '@/utils/sources';
import { API_KINDS } from '@/utils/sources/kinds';
import type { SourceKind } from '@/utils/model';
import { AUTHOR_MAX, CATEGORIES_MAX, CATEGORY_MAX, GUID_MAX, HTML_MAX, SUMMARY_HTML_MAX, TITLE_MAX, URL_MAX } from '@/utils/sources/limits';
import { SEEDS, type Seed } from './feed-seeds';
import { mutations, applyMutations, jsonMutations, applyJsonMutations, randomXmlFeed, randomJsonBody, PARSER_KINDS } from './feed-arbitraries';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const BASE = 'https://news.example/feed';
const NOW = Date.UTC(2026, 10, 26, 6, 0);
/** Per input, in ms: generous (a shared 2-core machine under load), far above a normal parse (~1 ms). */
const BOUND_MS = 5_000;
const RUNS = Number(process.env.FC_RUNS) || 0;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const runs = (n: number) => ({ numRuns: RUNS || n, ...(SEED !== undefined ? { seed: SEED } : {}) });

const text = (s: Seed) => s.body ?? readFileSync(path.join(FIXTURES, s.file!), 'utf8');

type Outcome = { kind: 'items'; count: number } | { kind: 'error'; code: string };

/** One input through the parser entry, checking the contract. Returns what happened, for the tallies. */
function parseChecked(kind: SourceKind, body: string, contentType?: string): Outcome {
  const t0 = performance.now();
  let out: ReturnType<typeof parseSourceBody>;
  try {
    out = parseSourceBody(kind, body, contentType, { baseUrl: BASE, now: NOW });
  } catch (e) {
    const ms = performance.now() - t0;
    if (!(e instanceof SourceFormatError)) {
      throw new Error(`threw ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e)} (not a SourceFormatError)`, { cause: e });
    }
    expect(ms, 'time to refuse').toBeLessThan(BOUND_MS);
    expect(typeof e.problem?.code).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    // A clear error, not a dump of the body.
    expect(e.message.length).toBeLessThan(1_000);
    return { kind: 'error', code: e.problem.code };
  }
  expect(performance.now() - t0, 'time to parse').toBeLessThan(BOUND_MS);
  expect(Array.isArray(out.items)).toBe(true);
  expect(out.skipped).toBeGreaterThanOrEqual(0);
  for (const it of out.items) {
    expect(typeof it.title).toBe('string');
    expect(it.title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(typeof it.url).toBe('string');
    expect(it.url.length).toBeLessThanOrEqual(URL_MAX);
    // Every item has something to show and something to open or tell it by.
    expect(it.title !== '' || it.url !== '').toBe(true);
    expect(typeof it.summaryHtml).toBe('string');
    expect(it.summaryHtml.length).toBeLessThanOrEqual(SUMMARY_HTML_MAX);
    expect(typeof it.contentHtml).toBe('string');
    expect(it.contentHtml.length).toBeLessThanOrEqual(HTML_MAX + 1_000);
    if (it.author !== undefined) expect(it.author.length).toBeLessThanOrEqual(AUTHOR_MAX);
    if (it.guid !== undefined) expect(it.guid.length).toBeLessThanOrEqual(GUID_MAX + 100);
    expect(it.categories.length).toBeLessThanOrEqual(CATEGORIES_MAX);
    for (const c of it.categories) expect(c.length).toBeLessThanOrEqual(CATEGORY_MAX);
    if (it.published !== undefined) expect(Number.isFinite(it.published)).toBe(true);
    if (it.imageUrl !== undefined) expect(it.imageUrl).toMatch(/^https?:/);
    expect(typeof it.breaking).toBe('boolean');
  }
  return { kind: 'items', count: out.items.length };
}

describe('the seeds are valid feeds, read as such', () => {
  it.each(SEEDS.map((s) => [s.name, s] as const))('%s', (_, s) => {
    const r = parseChecked(s.kind, text(s), s.type);
    expect(r).toEqual({ kind: 'items', count: expect.any(Number) });
    expect((r as { count: number }).count).toBeGreaterThan(0);
  });
});

// The bound that matters is per input (BOUND_MS); the whole property may take longer on a loaded machine or with FC_RUNS.
describe('parseSourceBody under random input', { timeout: 300_000 }, () => {
  it('mutated valid feeds of every format: items or a typed error, in bounded time', () => {
    const seed = fc.constantFrom(...SEEDS);
    fc.assert(
      fc.property(seed, mutations, (s, ms) => {
        parseChecked(s.kind, applyMutations(text(s), ms), s.type);
      }),
      runs(250),
    );
  });

  it('JSON feeds and news API answers with values replaced, removed or of the wrong type', () => {
    const json = SEEDS.filter((s) => s.json);
    fc.assert(
      fc.property(fc.constantFrom(...json), jsonMutations, (s, ms) => {
        parseChecked(s.kind, applyJsonMutations(text(s), ms), s.type);
      }),
      runs(200),
    );
  });

  it('random XML made of feed elements (RSS, Atom, RDF names and attributes)', () => {
    fc.assert(
      fc.property(randomXmlFeed, fc.constantFrom<SourceKind>('feed', 'rss', 'atom', 'rdf'), (xml, kind) => {
        parseChecked(kind, xml, 'application/xml');
      }),
      runs(200),
    );
  });

  it('random JSON in the shapes of JSON Feed and the news APIs', () => {
    fc.assert(
      fc.property(randomJsonBody, fc.constantFrom<SourceKind>('feed', 'json', ...API_KINDS), (body, kind) => {
        parseChecked(kind, body, 'application/json');
      }),
      runs(200),
    );
  });

  it('random text of any kind, for any source kind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom(...PARSER_KINDS), fc.constantFrom(undefined, 'application/xml', 'text/html', 'application/json'), (body, kind, type) => {
        parseChecked(kind, body, type);
      }),
      runs(200),
    );
  });
});
