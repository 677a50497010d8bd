// A starter pack chosen offline: the sidebar says once that the sources could not be reached (not one
// line per source), the "in a moment" note goes, the way back to the welcome stays, and the sources
// are tried again by themselves when the network returns.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { listSources } from '@/utils/db/sources';
import { STARTER_PACKS } from '@/utils/sources/starter-packs';
import { renderSidebar } from './render';

vi.setConfig({ testTimeout: 20_000 });

describe('a starter pack added offline', () => {
  it('says once that the sources could not be reached, offers the welcome again, and retries online', async () => {
    const h = await renderSidebar([], [], { online: false });
    fireEvent.click(screen.getByRole('button', { name: /^World/ }));
    const world = STARTER_PACKS.find((p) => p.id === 'world')!;
    await screen.findByText(/Their articles appear here in a moment/, { selector: '.welcome-done' });
    // The background's poll: every source failed to connect.
    const added = await listSources(h.db);
    expect(added).toHaveLength(world.feeds.length);
    for (const s of added) await h.db.put('sources', { ...s, health: 'error', problem: { code: 'unreachable' } });
    h.emit({ type: 'pollState', polling: false });

    await screen.findByText('Your sources can’t be reached');
    expect(h.container.querySelector('.welcome-done')).toBeNull();
    const problems = [...h.container.querySelectorAll('.problems li')].map((li) => li.textContent);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(world.feeds[0].name);

    // Back online: the sources are tried again without a click.
    const before = h.sent.filter((m) => m.type === 'refresh').length;
    h.setOnline(true);
    await waitFor(() => expect(h.sent.filter((m) => m.type === 'refresh').length).toBe(before + 1));

    // The way back to the welcome: the sources that never worked are removed.
    fireEvent.click(screen.getByRole('button', { name: 'Choose other sources' }));
    await screen.findByRole('region', { name: 'Welcome to Newsbar' });
    expect(await listSources(h.db)).toEqual([]);
  });
});
