// The one table of settings (utils/settings-spec.ts): the defaults, loading, the settings file and the
// options form all follow it, so a setting added there and forgotten in one of them fails here.
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model';
import { SETTING_KEYS, SETTINGS_SPEC, type SettingRow } from '@/utils/settings-spec';
import { exportSettings, readSettingsFile } from '@/utils/settings-io';
import { loadSettings } from '@/utils/settings';
import { SETTINGS_KEY } from '@/utils/storage-keys';
import { SettingsSection } from '@/components/options/SettingsSection';
import { fakeEnv } from './options/fake-env';

const NOW = 1_700_000_000_000;

/** A value the setting takes that is not its default. */
function otherValue(row: SettingRow): unknown {
  switch (row.type) {
    case 'int': return row.default < row.max ? row.default + 1 : row.min;
    case 'bool': return !row.default;
    case 'time': return row.default === '22:00' ? '06:30' : '22:00';
    case 'choice': return row.choices.find((c) => c !== row.default);
    case 'until': return NOW + 3_600_000;
  }
}

const changed = (k: keyof Settings): Settings => ({ ...DEFAULT_SETTINGS, [k]: otherValue(SETTINGS_SPEC[k]) });

describe('the settings table', () => {
  it('gives every setting its default', () => {
    expect(Object.keys(DEFAULT_SETTINGS).sort()).toEqual([...SETTING_KEYS].sort());
    for (const k of SETTING_KEYS) expect(DEFAULT_SETTINGS[k]).toBe(SETTINGS_SPEC[k].default);
  });

  it.each(SETTING_KEYS)('the settings file writes and reads %s (or leaves it out when the table says so)', (k) => {
    const back = readSettingsFile(exportSettings(changed(k), [], [], NOW), NOW).settings[k];
    expect(back).toEqual(SETTINGS_SPEC[k].file ? otherValue(SETTINGS_SPEC[k]) : SETTINGS_SPEC[k].default);
  });

  it.each(SETTING_KEYS)('loading keeps a good %s and refuses one the table does not allow', async (k) => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: changed(k) });
    expect((await loadSettings(fakeBrowser.storage.sync))[k]).toEqual(otherValue(SETTINGS_SPEC[k]));
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, [k]: 'not-a-setting' } });
    expect((await loadSettings(fakeBrowser.storage.sync))[k]).toEqual(SETTINGS_SPEC[k].default);
  });

  it('a value out of bounds in the file names its setting', () => {
    for (const k of SETTING_KEYS.filter((x) => SETTINGS_SPEC[x].type === 'int')) {
      const text = JSON.stringify({ format: 'newsbar-settings', version: 1, settings: { [k]: -1 }, topics: [], sources: [] });
      expect(() => readSettingsFile(text, NOW)).toThrow(k);
    }
  });
});

describe('the options form', () => {
  /** What the form shows: every control's value and state, and its text. */
  function shown(settings: Settings): string {
    const { store } = fakeEnv();
    store.settings.value = settings;
    const { container, unmount } = render(<SettingsSection store={store} />);
    const controls = [...container.querySelectorAll('input, select')].map((e) => `${(e as HTMLInputElement).value}:${(e as HTMLInputElement).checked}`);
    const out = `${controls.join('|')}\n${container.textContent}`;
    unmount();
    return out;
  }

  it.each(SETTING_KEYS)('shows %s: changing it changes what the form shows', (k) => {
    expect(shown(changed(k))).not.toBe(shown(DEFAULT_SETTINGS));
  });

  it('bounds each whole-number field as the table does', () => {
    const { store } = fakeEnv();
    const { container } = render(<SettingsSection store={store} />);
    const fields = [...container.querySelectorAll<HTMLInputElement>('input[type=number]')].map((e) => [e.value, e.min, e.max]);
    const ints = SETTING_KEYS.flatMap((k) => { const r: SettingRow = SETTINGS_SPEC[k]; return r.type === 'int' ? [[String(r.default), String(r.min), String(r.max)]] : []; });
    // ("Keep fewer articles" has a number field of its own, not a setting.)
    expect(fields).toEqual(expect.arrayContaining(ints));
    expect(ints.length).toBeGreaterThan(0);
  });
});
