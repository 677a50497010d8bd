import { describe, expect, it } from 'vitest';
import { allWords, decodeDocs, encodeDocs, wordsStartingWith } from '@/utils/search/segment-docs';
import { buildSegment } from '@/utils/search/segment';

/** The size V8 would give the docs' parts (their bytes, the words' characters). */
const sizeOf = (d: ReturnType<typeof encodeDocs>) => d.keys.byteLength + d.t.byteLength + d.words.length;

describe('segment docs', () => {
  it('keep store keys in any order, the gone ones as 0, and times in seconds or milliseconds', () => {
    const keys = [5, 4, 900_000, 3, 0, 2 ** 40, 1];
    const secs = [1_800_000_000_000, 1_799_999_940_000, 1_799_999_940_000, 86_400_000, 0, -60_000, -120_000];
    const d = encodeDocs(3, keys, secs, []);
    expect(d.seg).toBe(3);
    expect(decodeDocs(d)).toEqual({ keys, t: secs });
    expect(d.t[0]).toBe(1); // whole seconds: counted in seconds
    const ms = [1_800_000_000_123, 1_800_000_000_122, 5];
    const m = encodeDocs(1, [1, 2, 3], ms, []);
    expect(m.t[0]).toBe(0);
    expect(decodeDocs(m).t).toEqual(ms);
    // Times that are not whole milliseconds are kept as they are.
    const odd = encodeDocs(1, [1, 2], [2.5, 1.25], []);
    expect(Array.from(decodeDocs(odd).t)).toEqual([2.5, 1.25]);
    expect(decodeDocs(encodeDocs(1, [], [], []))).toEqual({ keys: [], t: [] });
  });

  it('find a prefix\'s words, and only those', () => {
    const d = encodeDocs(1, [], [], ['storm', 'st', 'stork', 'strike', 'sea', 'zürich', 'stormy', 'tide']);
    expect(wordsStartingWith(d, 'st')).toEqual(['st', 'stork', 'storm', 'stormy', 'strike']);
    expect(wordsStartingWith(d, 'storm')).toEqual(['storm', 'stormy']);
    expect(wordsStartingWith(d, 'stormz')).toEqual([]);
    expect(wordsStartingWith(d, 'zü')).toEqual(['zürich']);
    expect(wordsStartingWith(d, 'a')).toEqual([]);
    expect(wordsStartingWith(encodeDocs(1, [], [], []), 's')).toEqual([]);
    expect(allWords(d).sort()).toEqual(['sea', 'st', 'stork', 'storm', 'stormy', 'strike', 'tide', 'zürich']);
    expect(allWords(encodeDocs(1, [], [], []))).toEqual([]);
  });

  it('hold a full segment of a day\'s items in far less than 64 KB', () => {
    // 8,192 items an average 10 s apart (whole seconds), stored in bursts of a feed at a time, so
    // keys follow time only roughly; 4,000 distinct words.
    const items = Array.from({ length: 8192 }, (_, i) => ({
      id: `i${i}`, title: `w${(i * 7) % 4000} w${(i * 13) % 4000} storm`, summaryHtml: '', contentHtml: '',
      published: 1_800_000_000_000 - i * 10_000 - (i % 50) * 1000,
    }));
    const keyOf = (it: (typeof items)[number]) => 1 + Number(it.id.slice(1)) + ((Number(it.id.slice(1)) % 50) * 37);
    const b = buildSegment(items, keyOf);
    const d = encodeDocs(1, b.keys, b.t, b.postings.keys());
    expect(decodeDocs(d)).toEqual({ keys: b.keys, t: b.t });
    expect(sizeOf(d)).toBeLessThan(50_000);
  });
});
