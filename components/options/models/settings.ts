// The options page's settings (storage.sync); the badge's mode is also told to the worker at once.
import { signal } from '@preact/signals';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model';
import { loadSettings, saveSettings } from '@/utils/settings';
import type { OptionsEnv } from '../options-env';

export function createSettingsModel(env: OptionsEnv) {
  const settings = signal<Settings>(DEFAULT_SETTINGS);

  async function reload(): Promise<void> {
    settings.value = await loadSettings(env.sync);
  }

  async function updateSettings(patch: Partial<Settings>): Promise<void> {
    settings.value = await saveSettings(env.sync, patch);
    if (patch.badgeMode) await env.send({ type: 'badgeMode', mode: patch.badgeMode });
  }

  return { settings, reload, updateSettings };
}
