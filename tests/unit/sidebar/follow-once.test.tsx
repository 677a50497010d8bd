// "Follow live" once per live page, not on every update a feed carries from it; and the answer to a
// click shows beside the article clicked, not at the top of the sidebar.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { createLiveFollow } from '@/components/sidebar/live-follow';
import { item, MIN, NOW, source } from './fixtures';
import { renderSidebar } from './render';

vi.setConfig({ testTimeout: 20_000 });
const FEED = source({ id: 's1', name: 'Storm Desk' });

describe('"Follow live" in the list', () => {
  it('is offered once per live page, on its newest article; the answer shows beside that article', async () => {
    const updates = [1, 2, 3].map((n) => item({ id: `u${n}`, title: `Storm update ${n}`, url: `https://news.example/live/storm#u${n}`, published: NOW - n * MIN }));
    const other = item({ id: 'o1', title: 'Live: the count', url: 'https://news.example/live/count', published: NOW - 10 * MIN });
    const live = createLiveFollow({
      ask: async () => ({ ok: false, problem: { code: 'noLiveUpdates' } }),
      hasHostAccess: async () => true,
      requestHostAccess: async () => true,
      activeTab: async () => undefined,
    });
    const h = await renderSidebar([...updates, other], [FEED], { live });
    await waitFor(() => expect(h.container.querySelectorAll('.list > li')).toHaveLength(4));
    const offered = [...h.container.querySelectorAll('.list > li')].filter((li) => li.querySelector('.follow-live')).map((li) => li.querySelector('.title-btn')?.textContent);
    expect(offered).toEqual(['Storm update 1', 'Live: the count']);

    fireEvent.click(screen.getByRole('button', { name: /Follow live.*Storm update 1/ }));
    const row = h.container.querySelector<HTMLElement>('.list > li[data-id="u1"]')!;
    await waitFor(() => expect(within(row).getByRole('alert').textContent).toMatch(/nothing to follow/));
    expect(h.container.querySelector('.follow-bar .follow-notice')).toBeNull();
  });
});
