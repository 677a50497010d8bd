import { describe, expect, it } from 'vitest';
import { format, t } from '@/utils/i18n';

describe('t', () => {
  it('falls back to English when browser.i18n is unavailable', () => {
    expect(t('extName')).toBe('Newsbar');
  });
  it('returns the key for an unknown message', () => {
    expect(t('no_such_key')).toBe('no_such_key');
  });
  it('fills positional and named placeholders', () => {
    expect(format({ message: '$1 of $2' }, ['3', '7'])).toBe('3 of 7');
    expect(format({ message: '$COUNT$ new', placeholders: { count: { content: '$1' } } }, ['5'])).toBe('5 new');
  });
});
