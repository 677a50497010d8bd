// Importing what the user confirmed (read and checked before): an OPML file's sources, or a settings
// file. The sources are added by the worker (all or nothing, those there already skipped); the
// settings, topics and mute rules of a settings file go to storage.sync after them.
import type { OpmlReading } from '@/utils/opml';
import type { readSettingsFile } from '@/utils/settings-io';
import { addMany } from '@/utils/sources/add-source';
import type { AddSourceDeps } from '@/utils/sources/add-source';
import { loadSettingsIo } from '../later';
import type { OptionsEnv } from '../options-env';

export function createImportModel(env: OptionsEnv, adding: Pick<AddSourceDeps, 'change'>, reload: () => Promise<void>) {
  /** `toServer`: to the feed server too (subscribed on its next sync), when one is connected. */
  async function importOpmlFile(reading: OpmlReading, toServer = false) {
    const r = await addMany(adding, reading.sources, toServer);
    await reload();
    return r;
  }

  async function importSettingsFile(file: ReturnType<typeof readSettingsFile>) {
    const r = await addMany(adding, file.sources);
    const { applySettingsToSync } = await loadSettingsIo();
    await applySettingsToSync(env.sync, file);
    await env.send({ type: 'topicsChanged' });
    await reload();
    return r;
  }

  return { importOpmlFile, importSettingsFile };
}
