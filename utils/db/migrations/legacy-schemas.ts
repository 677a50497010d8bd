// The items store and search docs as older schemas kept them: only the migrations that read them see these.
import type { OtherStores, NewsSchema } from '../schema';
import type { ItemKey } from '../items/item-ids';
import type { ItemRecord } from '../items/item-record';
import type { LegacyItem } from './migrate-item-ids';

/** The items store as schema 13 kept it: the same records, keyed by the id (keyPath 'id'). */
export interface Schema13 extends OtherStores {
  items: {
    key: ItemKey;
    value: ItemRecord;
    indexes: Omit<NewsSchema['items']['indexes'], 'byId' | 'byState'> & { byPublished: number; byUnread: number; byLink: number };
  };
}

/** The items store as schemas 1 to 12 kept it (the migrations before 13 see this). */
export interface Schema12 extends OtherStores {
  items: {
    key: string;
    value: LegacyItem;
    indexes: {
      byPublished: number;
      bySource: [string, number];
      byRead: [number, number];
      byStarred: number;
      byBreaking: number;
      byLink: string;
    };
  };
}

/** A segment's docs as schemas 10 to 14 kept them (the 14 -> 15 migration reads these). */
export interface LegacySegmentDocs {
  seg: number;
  /** The items' ids: their 8-byte keys one after the other (item-ids.ts packIds), or (before 0.10.0) the id strings. */
  ids: Uint8Array<ArrayBuffer> | string[];
  /** Their published times (before 0.10.0 a plain array). */
  t: Float64Array<ArrayBuffer> | number[];
  words: string[];
}
