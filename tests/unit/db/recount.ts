// Test helper: the kept counters must equal a count from scratch over every stored item.
import { expect } from 'vitest';
import { Tallier, withAllTags, type Counter } from '@/utils/db/counters';
import type { NewsDb } from '@/utils/db/schema';
import { allItems } from '@/utils/db/items/item-reads';

export async function recount(db: NewsDb): Promise<Map<string, Counter>> {
  const tally = new Tallier();
  // Each item with its topics from the tags store.
  for (const it of withAllTags(await allItems(db), await db.getAll('tags'))) tally.add(it);
  return new Map(tally.result().map((c) => [c.key, c]));
}

export async function expectCountersExact(db: NewsDb, expected?: { all: number }): Promise<void> {
  const kept = new Map((await db.getAll('counters')).map((c) => [c.key, c]));
  const fresh = await recount(db);
  expect(Object.fromEntries(kept)).toEqual(Object.fromEntries(fresh));
  if (expected) expect(kept.get('all')?.total).toBe(expected.all);
}
