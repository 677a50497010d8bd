import { describe, expect, it } from 'vitest';
import { searchItems } from '@/utils/db/search/search-items';
import { parseQuery } from '@/utils/search/query';
import { dbWith, item, NOW, MIN } from '../sidebar/fixtures';

const titles = (r: { items: { title: string }[] }) => r.items.map((i) => i.title);

describe('search over the time-ordered word index', () => {
  it('merges every word of a prefix newest first', async () => {
    const db = await dbWith([
      item({ title: 'Stock markets fall', published: NOW - 1 * MIN }),
      item({ title: 'Storm hits the coast', published: NOW - 2 * MIN }),
      item({ title: 'Stone bridge reopens', published: NOW - 3 * MIN }),
      item({ title: 'Stock prices recover', published: NOW - 4 * MIN }),
      item({ title: 'Quiet day', published: NOW }),
    ]);
    const r = await searchItems(db, 'sto');
    expect(titles(r)).toEqual(['Stock markets fall', 'Storm hits the coast', 'Stone bridge reopens', 'Stock prices recover']);
    expect(r.complete).toBe(true);
    expect(titles(await searchItems(db, 'sto', { limit: 2 }))).toEqual(['Stock markets fall', 'Storm hits the coast']);
  });

  it('answers a common word with its newest matches only, in order', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => item({ title: `Storm update ${i}`, published: NOW - i * MIN, read: i % 2 ? 1 : 0 }));
    const db = await dbWith([...many, item({ title: 'Rare storm over the lighthouse', published: NOW - 5000 * MIN })]);
    const r = await searchItems(db, 'storm ', { limit: 20 });
    expect(titles(r)).toEqual(Array.from({ length: 20 }, (_, i) => `Storm update ${i}`));
    // Two words: the rare one drives, the common one is checked in memory.
    expect(titles(await searchItems(db, 'storm lighthouse'))).toEqual(['Rare storm over the lighthouse']);
    // A filter applies to what is found.
    expect(titles(await searchItems(db, 'storm update ', { limit: 3, filter: { kind: 'unread' } }))).toEqual(['Storm update 0', 'Storm update 2', 'Storm update 4']);
  });

  it('matches accents and case, and leaves stop words out', async () => {
    const db = await dbWith([item({ title: 'Zürich votes on the tram', published: NOW })]);
    expect(titles(await searchItems(db, 'ZURICH '))).toEqual(['Zürich votes on the tram']);
    expect(titles(await searchItems(db, 'the zurich '))).toEqual(['Zürich votes on the tram']);
    expect(parseQuery('the ')).toEqual([]);
    expect(titles(await searchItems(db, 'nothing-like-it'))).toEqual([]);
  });
});
