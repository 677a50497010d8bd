// A row from a search feed names its outlet through the engine ("Reuters via Google News"); an
// aggregator's item with a <source> names it through the feed; an ordinary row its source.
import { describe, expect, it } from 'vitest';
import { configure, waitFor } from '@testing-library/preact';
import { item, MIN, NOW, source } from './fixtures';
import { renderSidebar } from './render';

configure({ asyncUtilTimeout: 5000 });

describe('outlets of search feeds', { timeout: 20_000 }, () => {
  it('are shown as "Outlet via Engine"', async () => {
    const gn = source({ id: 's1', name: 'GN: ceasefire', url: 'https://news.google.com/rss/search?q=ceasefire&hl=en-US&gl=US&ceid=US:en' });
    const agg = source({ id: 's2', name: 'Aggregator', url: 'https://agg.example/rss' });
    const h = await renderSidebar([
      item({ id: 'a', title: 'Ceasefire talks resume', sourceId: 's1', outlet: 'Reuters', published: NOW - MIN }),
      item({ id: 'b', title: 'Chips shortage eases', sourceId: 's2', outlet: 'The Verge', published: NOW - 2 * MIN }),
      item({ id: 'c', title: 'Local news', sourceId: 's2', published: NOW - 3 * MIN }),
    ], [gn, agg]);
    await waitFor(() => expect(h.container.querySelectorAll('.list > li')).toHaveLength(3));
    const outlet = (id: string) => h.container.querySelector(`.row[data-id="${id}"] .source`)!.textContent;
    expect(outlet('a')).toBe('Reuters via Google News');
    expect(outlet('b')).toBe('The Verge via Aggregator');
    expect(outlet('c')).toBe('Aggregator');
  });
});
