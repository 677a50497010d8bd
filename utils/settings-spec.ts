// Every setting in one table: its default, its bounds and its check. DEFAULT_SETTINGS (utils/model.ts),
// loading (utils/settings.ts), the settings file (utils/settings-io.ts) and the options form's bounds
// (components/options/SettingsSection.tsx) are read from it, so a new setting is one row here.
import type { BadgeMode, Settings } from './model';

export const BADGE_MODES: readonly BadgeMode[] = ['unread', 'breaking', 'alerts', 'off'];

/** "HH:MM", 24 h. */
export function isHhMm(s: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
}

interface Row<T> {
  default: T;
  /** In the settings file (exported and imported). A snooze is of this moment: never carried to another browser. */
  file: boolean;
}
export type SettingRow =
  | (Row<number> & { type: 'int'; min: number; max: number })
  | (Row<boolean> & { type: 'bool' })
  | (Row<string> & { type: 'time' })
  | (Row<BadgeMode> & { type: 'choice'; choices: readonly BadgeMode[] })
  /** A moment (ms since 1970), set by buttons: the snooze. */
  | (Row<number> & { type: 'until' });

type RowOf<T> = Extract<SettingRow, { default: T }>;

export const SETTINGS_SPEC = {
  badgeMode: { type: 'choice', default: 'unread', choices: BADGE_MODES, file: true },
  /** How long a breaking item stays in the ticker, minutes (up to a week). */
  breakingWindowMin: { type: 'int', default: 120, min: 5, max: 7 * 24 * 60, file: true },
  retentionDays: { type: 'int', default: 30, min: 1, max: 365, file: true },
  maxItemsPerSource: { type: 'int', default: 500, min: 10, max: 5000, file: true },
  quietStart: { type: 'time', default: '00:00', file: true },
  quietEnd: { type: 'time', default: '00:00', file: true },
  snoozeUntil: { type: 'until', default: 0, file: false },
  alertItemsMax: { type: 'int', default: 5, min: 0, max: 20, file: true },
  loadRemoteImages: { type: 'bool', default: true, file: true },
  groupStories: { type: 'bool', default: true, file: true },
  countArticles: { type: 'bool', default: false, file: true },
} as const satisfies { [K in keyof Settings]: RowOf<Settings[K]> };

export type SettingKey = keyof typeof SETTINGS_SPEC;
export const SETTING_KEYS = Object.keys(SETTINGS_SPEC) as SettingKey[];

/** The bounds of a whole-number setting, for its form field. */
export type IntSetting = { [K in SettingKey]: (typeof SETTINGS_SPEC)[K]['type'] extends 'int' ? K : never }[SettingKey];
export const boundsOf = (k: IntSetting): { min: number; max: number } => ({ min: SETTINGS_SPEC[k].min, max: SETTINGS_SPEC[k].max });

export function defaultSettings(): Settings {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS_SPEC[k].default])) as unknown as Settings;
}

/** Why a value is not one a setting takes (the settings file's words), or undefined when it is. */
export function settingFault(row: SettingRow, v: unknown): string | undefined {
  switch (row.type) {
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) && v >= row.min && v <= row.max ? undefined : `must be a whole number from ${row.min} to ${row.max}`;
    case 'until':
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? undefined : 'must be a time in milliseconds';
    case 'bool':
      return typeof v === 'boolean' ? undefined : 'must be true or false';
    case 'time':
      if (typeof v !== 'string' || v.length > 5) return 'must be text';
      return isHhMm(v) ? undefined : 'must be a time like 22:00';
    case 'choice':
      return row.choices.includes(v as BadgeMode) ? undefined : `must be one of ${row.choices.join(', ')}`;
  }
}

/**
 * Settings as stored (storage.sync, written by this or an older or newer build): each value the table
 * accepts, else its default, so a value out of bounds or of the wrong type never reaches the poller.
 */
export function settingsOf(stored: unknown): Settings {
  const o = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const s = defaultSettings() as unknown as Record<SettingKey, unknown>;
  for (const k of SETTING_KEYS) if (k in o && settingFault(SETTINGS_SPEC[k], o[k]) === undefined) s[k] = o[k];
  return s as unknown as Settings;
}
