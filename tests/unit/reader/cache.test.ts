import { describe, expect, it } from 'vitest';
import { openNewsDb } from '@/utils/db/open';
import { toRecord } from '@/utils/db/items/item-record';
import { getCopy, imagesAsLinks, putCopy, sweepCopies, type ReaderCopy } from '@/utils/reader/cache';
import type { Item } from '@/utils/model';

function item(id: string, starred: 0 | 1 = 0): Item {
  return { id, sourceId: 's', guid: id, url: `https://news.example/${id}`, title: id, summaryHtml: '', contentHtml: '', published: 1, fetched: 1, read: 1, starred, breaking: 0, alert: 0, topics: [], words: [], topicKeys: [] } as unknown as Item;
}

function copy(id: string, readAt: number): ReaderCopy {
  return { itemId: id, readAt, article: { url: `https://news.example/${id}`, title: id, byline: null, published: null, leadImage: null, html: '<p>x</p>', text: 'x', siteName: null, lang: null, dir: null, readingMinutes: 1 } };
}

describe('the reader\'s offline copies', () => {
  it('keep the newest copies up to the limit; a starred item keeps its copy; a copy goes with its item', async () => {
    const db = await openNewsDb('reader-cache-test');
    const tx = db.transaction('items', 'readwrite');
    for (let i = 0; i < 6; i++) await tx.store.put(toRecord(item(`a${i}`, i === 0 ? 1 : 0)));
    await tx.done;
    for (let i = 0; i < 6; i++) await putCopy(db, copy(`a${i}`, 100 + i), 3);
    // a0 is the oldest but starred; a1, a2 are past the limit of 3.
    expect((await db.getAllKeys('reader')).sort()).toEqual(['a0', 'a3', 'a4', 'a5']);
    // Retention removed a4's item: its copy goes on the next sweep (and with the next put).
    await db.delete('items', (await db.getKeyFromIndex('items', 'byId', 'a4'))!);
    expect(await sweepCopies(db)).toBe(1);
    expect(await getCopy(db, 'a4')).toBeUndefined();
    expect((await getCopy(db, 'a5'))?.article.title).toBe('a5');
    db.close();
  });

  it('text only: pictures become links that say what they show', () => {
    const parse = (h: string) => new DOMParser().parseFromString(h, 'text/html');
    const out = imagesAsLinks('<p>One <img src="https://news.example/a.jpg" alt="The harbour"> two <img src="https://news.example/b.jpg" alt=""></p><img alt="no source">', parse, (alt) => (alt ? `[Picture: ${alt}]` : '[Picture]'));
    expect(out).toBe('<p>One <a href="https://news.example/a.jpg">[Picture: The harbour]</a> two <a href="https://news.example/b.jpg">[Picture]</a></p>');
  });
});
