// What the stories, storyTerms and meta stores keep (schema 18). Stories are written only through the
// item writer's StoryWrites (story-writes.ts), in the transaction of the items they group.

/** A story of two or more reports: one row in the lists, one count, one alert. */
export interface StoryRecord {
  /** The story's id: its first report's item id (or that id and `^` for a first report taken out of its story). */
  id: string;
  /** The item shown as the story's row (its first report, or a favourite source's). */
  lead: string;
  /** Every report's item id (the lead's too), in the order they joined. */
  items: string[];
  /** Each report's source id, beside `items`. */
  sources: string[];
  /** Reports that joined after the story was read ("2 new reports"); cleared when it is read again. */
  fresh?: number;
  /** Items the user took out ("Not the same story"): they never join it again. */
  apart?: string[];
}

/** One entry of StoryTermsRecord: [item id, source id, published, story words joined by spaces]. */
export type StoryTermsEntry = [string, string, number, string];

export interface StoryTermsRecord {
  /** The newest `published` among the entries: the record goes once it is out of the window. */
  p: number;
  e: StoryTermsEntry[];
}

/** meta 'regroup': how far the one-off grouping of the stored window has come. */
export interface RegroupState {
  key: 'regroup';
  /** Items stored before this store key are grouped by the job; later ones were grouped as they came. */
  upto: number;
  /** The last store key the job has grouped (0: none yet). */
  done: number;
  /** Window start the job groups from (UTC ms). */
  since: number;
  finished?: boolean;
}

/** How far the re-application of the mute rules has come (utils/mutes/rematch.ts). */
export interface MuteRematchState {
  key: 'muteRematch';
  /** The rules (and their scopes) the job applies: another signature starts it over. */
  sig: string;
  /** The last store key done (0: none yet). */
  done: number;
  finished?: boolean;
}

export type MetaRecord = RegroupState | MuteRematchState;
