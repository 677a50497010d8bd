import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNewsServer, type NewsServer } from '../../../scripts/news-server/server';
import { fetchPage } from '@/utils/reader/fetch-page';
import type { FetchError } from '@/utils/net/fetch-source';
import { pageProblemText } from '@/utils/problem-text';

let srv: NewsServer;
beforeAll(async () => {
  srv = await startNewsServer();
});
afterAll(() => srv.close());

describe('fetching a page for the reader (real server on 127.0.0.1)', () => {
  it('decodes the charset a page declares in a <meta> and reports where it ended up', async () => {
    const body = Buffer.concat([Buffer.from('<!doctype html><meta charset="windows-1252"><p>Caf'), Buffer.from([0xe9, 0x20, 0x93]), Buffer.from('quoted'), Buffer.from([0x94]), Buffer.from('</p>')]);
    srv.route('/p/latin.html', { headers: { 'content-type': 'text/html' }, body });
    const p = await fetchPage(srv.url('/p/latin.html'));
    expect(p.html).toContain('Café “quoted”');
    expect(p.url).toBe(srv.url('/p/latin.html'));
  });

  it('says in words what went wrong: status, not a page, too large, too slow', async () => {
    srv.route('/p/gone.html', { status: 410, body: 'gone', headers: { 'content-type': 'text/html' } });
    srv.route('/p/pic.png', { headers: { 'content-type': 'image/png' }, body: 'x' });
    srv.route('/p/big.html', { headers: { 'content-type': 'text/html' }, body: 'x'.repeat(2000) });
    srv.route('/p/slow.html', { hang: true });
    const err = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as FetchError);
    // Problems as the feeds' fetcher gives them (utils/net/fetch-source.ts), worded where shown.
    const gone = await err(fetchPage(srv.url('/p/gone.html')));
    expect(gone).toMatchObject({ status: 410, problem: { code: 'http', status: 410 } });
    expect(pageProblemText(gone!.problem)).toBe('the server answered 410: this page has been removed');
    const pic = await err(fetchPage(srv.url('/p/pic.png')));
    expect(pic).toMatchObject({ problem: { code: 'notPage', type: 'image/png' } });
    expect(pageProblemText(pic!.problem)).toBe('the address is not a web page (image/png)');
    expect(await err(fetchPage(srv.url('/p/big.html'), fetch, { maxBytes: 1000 }))).toMatchObject({ problem: { code: 'tooLarge' } });
    expect(await err(fetchPage(srv.url('/p/slow.html'), fetch, { timeoutMs: 300 }))).toMatchObject({ problem: { code: 'timeout' } });
  });
});
