// What an alert says an article came from: its source and the others that carried it; an article a
// search feed found names its outlet through the engine ("Reuters via Google News").
import { describe, expect, it } from 'vitest';
import { sourceNames } from '@/utils/topics/alert-store';
import type { Item } from '@/utils/model';

const item = (patch: Partial<Item>): Item => ({
  id: 'i', sourceId: 's-1', title: 'T', url: 'https://x.example/', summaryHtml: '', contentHtml: '', published: 0, firstSeen: 0, updated: 0,
  categories: [], breaking: 0, alert: 0, read: 0, starred: 0, ...patch,
});
const names = new Map([['s-1', 'Google News'], ['s-2', 'Demo World']]);
const via = (o: string, s: string) => `${o} via ${s}`;

describe('an alert\'s source names', () => {
  it('names a search item\'s outlet through the engine, then the other sources', () => {
    expect(sourceNames(item({ outlet: 'Reuters', alsoFrom: ['s-2'] }), names, via)).toBe('Reuters via Google News, Demo World');
  });
  it('leaves other items as they were', () => {
    expect(sourceNames(item({ alsoFrom: ['s-2', 's-gone'] }), names, via)).toBe('Google News, Demo World');
    expect(sourceNames(item({ outlet: 'Reuters' }), names)).toBe('Google News');
  });
});
