import { ALL_ITEMS_KEY, MUTED_ITEMS_KEY, ruleMutedItemsKey, sourceItemsKey, topicItemsKey } from '@/utils/db/counters';

// The counters' keys are on users' disks (the 'counters' store): the names say what each counts, the
// strings stay as they were written.
describe('counter keys', () => {
  it('are the strings they have always been', () => {
    expect(ALL_ITEMS_KEY).toBe('all');
    expect(sourceItemsKey('s-1z')).toBe('s:s-1z');
    expect(topicItemsKey('t-abc')).toBe('t:t-abc');
    expect(MUTED_ITEMS_KEY).toBe('muted');
    expect(ruleMutedItemsKey('m-abc')).toBe('m:m-abc');
  });
});
