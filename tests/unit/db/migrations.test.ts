import { describe, expect, it } from 'vitest';
import { DB_VERSION, openNewsDb } from '@/utils/db/schema';
import { wordOfKey, wordRange } from '@/utils/search/word-keys';

describe('schema migrations', () => {
  it('upgrading from version 1 keeps every item, source and read state, and adds search keys and counters', async () => {
    const v1 = await openNewsDb('upgrade', 1);
    expect([...v1.objectStoreNames].sort()).toEqual(['items', 'sources']);
    const old = { id: 's:1', sourceId: 's', title: 'Zürich votes on the new tram line', url: 'http://x.test/1', summaryHtml: '<p>A <b>close</b> result</p>', contentHtml: '', published: 1, firstSeen: 1, updated: 0, categories: [], breaking: 0, read: 1, starred: 1 };
    await v1.put('items', old as never);
    await v1.put('sources', { id: 's', name: 'S', url: 'http://x.test/feed', kind: 'rss', enabled: true, intervalMin: 10, breaking: false, addedAt: 1, nextPollAt: 0, failures: 0, health: 'ok' });
    v1.close();

    const db = await openNewsDb('upgrade');
    expect(db.version).toBe(DB_VERSION);
    const it = await db.get('items', 's:1');
    expect(it).toMatchObject({ read: 1, starred: 1, title: old.title, topics: [], topicKeys: [], alert: 0 });
    expect(it!.words.map(wordOfKey)).toEqual(expect.arrayContaining(['zurich', 'tram', 'close', 'result']));
    expect(it!.words.map(wordOfKey)).not.toContain('the'); // stop words are not indexed
    expect(await db.getAllKeysFromIndex('items', 'byWord', wordRange('zurich'))).toEqual(['s:1']);
    expect(await db.get('counters', 'all')).toEqual({ key: 'all', total: 1, unread: 0, starred: 1, unreadAlerts: 0 });
    expect(await db.get('counters', 's:s')).toMatchObject({ total: 1, starred: 1 });
    expect(await db.count('sources')).toBe(1);
    db.close();
  });
});
