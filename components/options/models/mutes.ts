// The options page's mute rules (storage.sync). The worker re-applies them when storage.sync changes
// (entrypoints/background/mutes.ts) and says itemsChanged when it is done; the counts follow then.
import { signal } from '@preact/signals';
import type { MuteRule, Source } from '@/utils/model';
import { loadMuteRules, removeMuteRule, saveMuteRule } from '@/utils/mutes/store';
import type { MuteDraft } from '../../shared/MuteEditor';
import { loadMutePreview } from '../later';
import type { OptionsEnv } from '../options-env';

export function createMutesModel(env: OptionsEnv, sources: () => Source[]) {
  const mutes = signal<MuteRule[]>([]);

  async function reload(): Promise<void> {
    mutes.value = await loadMuteRules(env.sync);
  }

  async function saveMute(rule: MuteRule): Promise<void> {
    await saveMuteRule(env.sync, rule);
    await reload();
  }

  async function removeMute(id: string): Promise<void> {
    await removeMuteRule(env.sync, id);
    await reload();
  }

  /** How many stored articles a rule being edited would hide. */
  async function previewMute(draft: MuteDraft, limit = 20) {
    const { previewMute: previewIn } = await loadMutePreview();
    return previewIn(await env.db(), draft, sources(), limit);
  }

  return { mutes, reload, saveMute, removeMute, previewMute };
}
