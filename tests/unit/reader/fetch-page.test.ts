import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNewsServer, type NewsServer } from '../../../scripts/news-server/server';
import { fetchPage, PageFetchError } from '@/utils/reader/fetch-page';

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
    const err = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as PageFetchError);
    expect(await err(fetchPage(srv.url('/p/gone.html')))).toMatchObject({ code: 'http', status: 410, message: 'the site answered 410 Gone' });
    expect(await err(fetchPage(srv.url('/p/pic.png')))).toMatchObject({ code: 'not-html', message: 'the address is not a web page (image/png)' });
    expect(await err(fetchPage(srv.url('/p/big.html'), fetch, { maxBytes: 1000 }))).toMatchObject({ code: 'too-large' });
    expect(await err(fetchPage(srv.url('/p/slow.html'), fetch, { timeoutMs: 300 }))).toMatchObject({ code: 'timeout' });
  });
});
