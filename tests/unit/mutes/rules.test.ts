// Mute rules, the pure part: the topics' query language, the scope (sources, folders), starred items
// never hidden, a muted item never alerts, and how a story's row is judged.
import { describe, expect, it } from 'vitest';
import { muteSet, scopeOf, withMutes } from '@/utils/mutes/rules';
import { isMuteId, newMuteId } from '@/utils/mutes/ids';
import { mutesOfRow } from '@/utils/mutes/story';
import type { Item, MuteRule } from '@/utils/model';

const rule = (id: string, query: string, extra: Partial<MuteRule> = {}): MuteRule => ({ id, query, sourceIds: [], folders: [], createdAt: 0, ...extra });
const item = (title: string, sourceId = 's-1', extra: Partial<Item> = {}): Item => ({
  id: 'x', sourceId, title, url: 'https://e.example/x', summaryHtml: '', contentHtml: '', published: 0, firstSeen: 0, updated: 0,
  categories: [], breaking: 0, alert: 1, read: 0, starred: 0, ...extra,
});
const SOURCES = [
  { id: 's-1', folder: 'Tech' },
  { id: 's-2', folder: 'Tech / Crypto' },
  { id: 's-3', folder: 'Sport' },
  { id: 's-4' },
];

describe('mute rules', () => {
  it('speak the topics\' language: OR, phrases, exclusions and title:', () => {
    const set = muteSet([rule('m-a', 'crypto OR NFT'), rule('m-b', 'title:horoscope'), rule('m-c', '"celebrity gossip" -royal')], SOURCES);
    expect(set.matchItem(item('New NFT drop sells out'))).toEqual(['m-a']);
    expect(set.matchItem(item('Your horoscope for Monday'))).toEqual(['m-b']);
    expect(set.matchItem(item('Stars', 's-1', { summaryHtml: '<p>the horoscope is in the text only</p>' }))).toEqual([]);
    expect(set.matchItem(item('Celebrity gossip of the week'))).toEqual(['m-c']);
    expect(set.matchItem(item('Royal celebrity gossip'))).toEqual([]);
    expect(set.matchItem(item('Crypto horoscope'))).toEqual(['m-a', 'm-b']);
    expect(set.matchItem(item('Parliament passes budget'))).toEqual([]);
  });

  it('a rule that does not parse hides nothing', () => {
    const set = muteSet([rule('m-a', '"unclosed'), rule('m-b', 'OR')], SOURCES);
    expect(set.size).toBe(0);
    expect(set.matchItem(item('unclosed OR anything'))).toEqual([]);
  });

  it('is limited to chosen sources or to the sources in chosen folders (inner folders included)', () => {
    expect(scopeOf(rule('m-a', 'x'), SOURCES)).toBeUndefined();
    expect([...scopeOf(rule('m-a', 'x', { folders: ['Tech'] }), SOURCES)!].sort()).toEqual(['s-1', 's-2']);
    expect([...scopeOf(rule('m-a', 'x', { sourceIds: ['s-4'], folders: ['Tech / Crypto'] }), SOURCES)!].sort()).toEqual(['s-2', 's-4']);
    const set = muteSet([rule('m-a', 'bitcoin', { folders: ['Tech'] }), rule('m-b', 'football', { sourceIds: ['s-4'] })], SOURCES);
    expect(set.matchItem(item('Bitcoin falls', 's-2'))).toEqual(['m-a']);
    expect(set.matchItem(item('Bitcoin falls', 's-3'))).toEqual([]);
    expect(set.matchItem(item('Football tonight', 's-4'))).toEqual(['m-b']);
    expect(set.matchItem(item('Football tonight', 's-1'))).toEqual([]);
  });

  it('a muted item never alerts; a starred one is never hidden', () => {
    const set = muteSet([rule('m-a', 'bitcoin')], SOURCES);
    expect(withMutes(item('Bitcoin falls'), set)).toMatchObject({ muted: ['m-a'], alert: 0 });
    expect(withMutes(item('Bitcoin falls', 's-1', { starred: 1 }), set)).toMatchObject({ muted: [], alert: 1 });
    expect(withMutes(item('Budget passes'), set)).toMatchObject({ muted: [], alert: 1 });
  });

  it('a story\'s row is hidden only when every report is muted', () => {
    expect(mutesOfRow({ story: 'a' }, ['m-a'], [['m-b'], ['m-a']])).toEqual(['m-a']);
    expect(mutesOfRow({ story: 'a' }, ['m-a'], [['m-b'], []])).toEqual([]);
    expect(mutesOfRow({ story: 'a', folded: 1 }, ['m-a'], [])).toEqual(['m-a']);
    expect(mutesOfRow({}, ['m-a'], [])).toEqual(['m-a']);
    expect(mutesOfRow({ starred: 1 }, ['m-a'], [])).toEqual([]);
  });

  it('ids tell mutes from topics', () => {
    const id = newMuteId(0, () => 0.5);
    expect(isMuteId(id)).toBe(true);
    expect(isMuteId('t-abc')).toBe(false);
  });
});
