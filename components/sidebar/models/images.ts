// "Load remote images": the setting, and the articles whose images the user asked for (this session only).
// Until the settings are read nothing loads, so an "off" is never preceded by a burst of thumbnails.
// A plain factory, not createModel: a model's methods run untracked, and `allowed` must be read in render.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Settings } from '@/utils/model';
import type { RemoteImages } from '@/utils/sidebar/images';

export interface ImagesModel extends RemoteImages {
  /** The setting, once read (false before). */
  loadAll: ReadonlySignal<boolean>;
  /** Articles whose images the user asked for. */
  shown: ReadonlySignal<ReadonlySet<string>>;
}

export function createImagesModel(settings: ReadonlySignal<Settings>, known: ReadonlySignal<boolean>): ImagesModel {
  const shown = signal<ReadonlySet<string>>(new Set());
  const loadAll = computed(() => known.value && settings.value.loadRemoteImages !== false);
  return {
    loadAll,
    shown,
    allowed: (itemId) => loadAll.value || shown.value.has(itemId),
    show(itemId) {
      if (!shown.value.has(itemId)) shown.value = new Set([...shown.value, itemId]);
    },
  };
}
