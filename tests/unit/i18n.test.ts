import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import en from '@/public/_locales/en/messages.json';
import { format, t, type Entry } from '@/utils/i18n';

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

describe('t through browser.i18n', () => {
  it('asks the browser once per message and substitutes as it does, also values that look like placeholders', () => {
    const messages = en as unknown as Record<string, Entry>;
    const asked: string[] = [];
    // A getMessage that substitutes the way the browser does (format is checked against it above).
    const getMessage = (key: string, subs: string[] = []) => {
      asked.push(key);
      return messages[key] ? format(messages[key], subs) : '';
    };
    const i18n = browser.i18n as unknown as { getMessage?: unknown };
    const before = i18n.getMessage;
    i18n.getMessage = getMessage;
    try {
      expect(t('alert_digest', [3, 'Wire'])).toBe('While alerts were off: 3 new in Wire');
      expect(t('alert_digest', ['$2', '$1 and \ue000'])).toBe('While alerts were off: $2 new in $1 and \ue000');
      expect(t('alert_digest', 'one')).toBe('While alerts were off: one new in ');
      expect(t('sb_today')).toBe(messages.sb_today!.message);
      expect(t('sb_today')).toBe(messages.sb_today!.message);
      expect(asked).toEqual(['alert_digest', 'sb_today']);
    } finally {
      i18n.getMessage = before;
    }
  });
});
