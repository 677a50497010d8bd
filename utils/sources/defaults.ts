// The world-news starter pack, once added silently on install; now one of the packs the sidebar's
// welcome offers (utils/sources/starter-packs.ts). Kept as a name for what "the defaults" were.
import { STARTER_PACKS, type StarterFeed } from './starter-packs';

export type DefaultSource = StarterFeed;

export const DEFAULT_SOURCES: readonly DefaultSource[] = STARTER_PACKS.find((p) => p.id === 'world')!.feeds;
