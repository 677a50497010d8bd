// First run: the welcome's three ways in — a starter pack, a pasted site or feed, the OPML import —
// and nothing added without the user's choice or permission.
import { beforeAll, describe, expect, it } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { listSources } from '@/utils/db/sources';
import { STARTER_PACKS } from '@/utils/sources/starter-packs';
import { renderSidebar } from './render';

// Writes and renders can take seconds on a loaded machine: wait up to 5 s for what should appear.
configure({ asyncUtilTimeout: 5000 });
// The welcome loads the feed parser on first use; load it before the tests, not inside one's wait.
beforeAll(() => import('@/utils/inspect-source'), 60_000);

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
<item><guid>1</guid><title>Bridge opens</title><link>https://harbour.example/1</link></item></channel></rss>`;
const PAGE = `<!doctype html><html><head><link rel="alternate" type="application/rss+xml" title="Harbour" href="/rss"></head><body>Harbour</body></html>`;

function site(pages: Record<string, { text: string; type: string }>): typeof fetch {
  return async (input) => {
    const p = pages[String(input)];
    if (!p) throw new TypeError('Failed to fetch');
    const res = new Response(p.text, { status: 200, headers: { 'content-type': p.type } });
    Object.defineProperty(res, 'url', { value: String(input) });
    return res;
  };
}

describe('welcome', { timeout: 20_000 }, () => {
  it('shows three ways in and no list while there are no sources', async () => {
    const { container } = await renderSidebar([], []);
    const w = screen.getByRole('region', { name: 'Welcome to Newsbar' });
    expect(within(w).getAllByRole('button').map((b) => b.querySelector('.pack-name')?.textContent).filter(Boolean)).toEqual(['World', 'Business', 'Technology', 'Science', 'Sport']);
    expect(within(w).getByLabelText('Paste a site or feed address')).toBeTruthy();
    expect(within(w).getByRole('button', { name: 'import it in the settings' })).toBeTruthy();
    expect(container.querySelector('.list, .filters')).toBeNull();
  });

  it('a starter pack adds its feeds after asking for their sites, then the list takes over', async () => {
    const h = await renderSidebar([], []);
    fireEvent.click(screen.getByRole('button', { name: /^Science/ }));
    const science = STARTER_PACKS.find((p) => p.id === 'science')!;
    await waitFor(async () => expect((await listSources(h.db)).map((s) => s.url).sort()).toEqual(science.feeds.map((f) => f.url).sort()));
    expect(h.originsAsked).toContain('https://feeds.bbci.co.uk/*');
    expect(h.sent).toContainEqual({ type: 'changeSources', change: { op: 'import', sources: science.feeds } });
    await screen.findByText(`Added ${science.feeds.length} sources. Their articles appear here in a moment.`, { selector: '.welcome-done' });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Welcome to Newsbar' })).toBeNull());
    await screen.findByText('Fetching your news…');
  });

  it('adds nothing when the permission is refused, and says so', async () => {
    const h = await renderSidebar([], [], { grant: false });
    fireEvent.click(screen.getByRole('button', { name: /^World/ }));
    await screen.findByText(/needs your permission/);
    expect(await listSources(h.db)).toEqual([]);
  });

  it('a pasted web page adds the feed it announces', async () => {
    const h = await renderSidebar([], [], {
      fetch: site({ 'https://harbour.example/': { text: PAGE, type: 'text/html' }, 'https://harbour.example/rss': { text: RSS, type: 'application/rss+xml' } }),
    });
    fireEvent.input(screen.getByLabelText('Paste a site or feed address'), { target: { value: 'harbour.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await listSources(h.db)).map((s) => [s.name, s.url])).toEqual([['Harbour News', 'https://harbour.example/rss']]));
    await screen.findByText('Added Harbour News. Its articles appear here in a moment.', { selector: '.welcome-done' });
  });

  it('says in words what is wrong with a pasted address', async () => {
    const h = await renderSidebar([], []);
    fireEvent.input(screen.getByLabelText('Paste a site or feed address'), { target: { value: 'https://nowhere.example/feed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    const err = await screen.findByRole('alert');
    expect(err.textContent).toMatch(/reach/i);
    expect(screen.getByLabelText('Paste a site or feed address').getAttribute('aria-invalid')).toBe('true');
    expect(await listSources(h.db)).toEqual([]);
  });
});

describe('a pasted page with several feeds', { timeout: 20_000 }, () => {
  const MULTI = `<!doctype html><html><head>
<link rel="alternate" type="application/rss+xml" title="Harbour – Top stories" href="/rss">
<link rel="alternate" type="application/atom+xml" title="Harbour – Sport" href="/sport.atom"></head><body>Harbour</body></html>`;
  const ATOM = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Sport</title><id>urn:s</id><updated>2026-01-01T00:00:00Z</updated>
<entry><id>urn:e1</id><title>Cup final</title><updated>2026-01-01T00:00:00Z</updated></entry></feed>`;

  it('offers them by the names the options page gives, one at a time or all', async () => {
    const h = await renderSidebar([], [], {
      fetch: site({
        'https://harbour.example/': { text: MULTI, type: 'text/html' },
        'https://harbour.example/rss': { text: RSS, type: 'application/rss+xml' },
        'https://harbour.example/sport.atom': { text: ATOM, type: 'application/atom+xml' },
      }),
    });
    fireEvent.input(screen.getByLabelText('Paste a site or feed address'), { target: { value: 'harbour.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    const list = await screen.findByRole('group', { name: 'This page offers these feeds:' });
    expect([...list.querySelectorAll('.found-name')].map((e) => e.textContent)).toEqual(['Harbour – Top stories', 'Harbour – Sport']);
    expect(await listSources(h.db)).toEqual([]);
    fireEvent.click(within(list).getByRole('button', { name: 'Add all (2)' }));
    await waitFor(async () => expect((await listSources(h.db)).map((s) => s.name).sort()).toEqual(['Harbour – Sport', 'Harbour – Top stories']));
    await screen.findByText('Added 2 sources. Their articles appear here in a moment.', { selector: '.welcome-done' });
  });
});
