// Problems are codes; every code has words in English and German, and old stored sentences migrate.
import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import de from '@/public/_locales/de/messages.json';
import { problemFromLegacyText, problemOf, ProblemError, type Problem } from '@/utils/problems';
import { problemSentence, problemText } from '@/utils/problem-text';
import { format, type Entry } from '@/utils/i18n';
import { openNewsDb } from '@/utils/db/open';

/** The locale files as what they are: a message per key. */
const EN: Record<string, Entry> = en;
const DE: Record<string, Entry> = de;

const keys = (m: Record<string, unknown>) => Object.keys(m).filter((k) => k.startsWith('problem_')).sort();

/** One of every code, with parameters. */
const EVERY: Problem[] = [
  { code: 'unreachable' }, { code: 'timeout', seconds: 20 }, { code: 'redirectLoop' }, { code: 'tooLarge', limitMb: 5 },
  { code: 'http', status: 401 }, { code: 'http', status: 404 }, { code: 'http', status: 410 }, { code: 'http', status: 429, retryAfterMin: 30 },
  { code: 'http', status: 503 }, { code: 'http', status: 502 }, { code: 'http', status: 302 }, { code: 'needsKey' },
  { code: 'empty' }, { code: 'htmlPage' }, { code: 'notFeed' }, { code: 'badXml' }, { code: 'badXml', line: 3, column: 9 },
  { code: 'badJson' }, { code: 'badJson', line: 1, column: 2 }, { code: 'noItems' }, { code: 'notApi', api: 'NewsAPI' },
  { code: 'apiError', api: 'NewsAPI', said: 'Your API key is invalid' }, { code: 'noAddress' }, { code: 'needsFullUrl' },
  { code: 'invalidUrl' }, { code: 'duplicate' }, { code: 'duplicate', name: 'Harbour' }, { code: 'isApi' }, { code: 'noFeedHere' },
  { code: 'unexpected', detail: 'x is undefined' }, { code: 'legacy', text: 'old words' }, { code: 'notPage', type: 'image/png' },
];

describe('problem words', () => {
  it('German has every problem message English has, with the same placeholders', () => {
    expect(keys(de)).toEqual(keys(en));
    const ph = (s: string) => (s.match(/\$\d/g) ?? []).sort().join();
    for (const k of keys(en)) expect(ph(DE[k].message), k).toBe(ph(EN[k].message));
  });

  it('every code is worded (never a bare key), with its parameters', () => {
    for (const p of EVERY) {
      const s = problemText(p);
      expect(s, p.code).not.toMatch(/problem_|\$\d/);
      expect(s.length, p.code).toBeGreaterThan(3);
    }
    expect(problemText({ code: 'http', status: 429, retryAfterMin: 30 })).toBe('the server says we asked too often (429); it asked us to wait 30 min');
    expect(problemText({ code: 'redirectLoop' })).toMatch(/redirect loop/);
    expect(problemText({ code: 'redirectLoop' })).not.toMatch(/offline/);
    expect(problemSentence({ code: 'duplicate', name: 'Harbour' })).toBe('This feed is already in your list, as “Harbour”.');
  });

  it('German words for the same problem', () => {
    const de1 = format(DE.problem_http_wait, [format(DE.problem_http_429, []), '30']);
    expect(de1).toBe('der Server sagt, wir haben zu oft gefragt (429); er bittet, 30 Min. zu warten');
  });

  it('errors carry their problem; anything else is unexpected', () => {
    expect(problemOf(new ProblemError({ code: 'duplicate', name: 'A' }))).toEqual({ code: 'duplicate', name: 'A' });
    expect(problemOf(new TypeError('boom'))).toEqual({ code: 'unexpected', detail: 'boom' });
  });
});

describe('stored sentences of older versions', () => {
  it.each<[string, Problem]>([
    ['the server answered 404: nothing is at this address any more', { code: 'http', status: 404 }],
    ['the server is unavailable for now (503); it asked us to wait 30 min', { code: 'http', status: 503, retryAfterMin: 30 }],
    ['the server refused access (403): the address may need a login, or the API key is wrong', { code: 'http', status: 403 }],
    ['the server did not answer within 20 seconds', { code: 'timeout', seconds: 20 }],
    ['could not reach the server: you may be offline, or the address is wrong', { code: 'unreachable' }],
    ['this is an HTML page, not a feed', { code: 'htmlPage' }],
    ['the feed is not valid XML: <item> on line 4 is never closed', { code: 'legacy', text: 'the feed is not valid XML: <item> on line 4 is never closed' }],
  ])('%j', (text, want) => expect(problemFromLegacyText(text)).toEqual(want));

  it('the schema migration turns lastError into a problem and keeps everything else', async () => {
    const v5 = await openNewsDb('problems-upgrade', 5);
    const base = { name: 'S', kind: 'rss', enabled: true, intervalMin: 10, breaking: false, addedAt: 1, nextPollAt: 0, failures: 2, health: 'error' };
    await v5.put('sources', { ...base, id: 'a', url: 'http://x.test/a', lastError: 'the server answered 410: this feed has been removed' } as never);
    await v5.put('sources', { ...base, id: 'b', url: 'http://x.test/b', lastError: 'something else entirely' } as never);
    await v5.put('sources', { ...base, id: 'c', url: 'http://x.test/c', health: 'ok', failures: 0 } as never);
    v5.close();
    const db = await openNewsDb('problems-upgrade');
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((id) => db.get('sources', id)));
    expect(a).toMatchObject({ ...base, problem: { code: 'http', status: 410 } });
    expect(a).not.toHaveProperty('lastError');
    expect(b!.problem).toEqual({ code: 'legacy', text: 'something else entirely' });
    expect(c).not.toHaveProperty('problem');
    expect(c).toMatchObject({ health: 'ok', url: 'http://x.test/c' });
    db.close();
  });
});
