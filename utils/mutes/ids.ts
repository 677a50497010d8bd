// Mute rule ids, apart from the rules so the tag store can tell mutes from topics without importing
// the matcher. Rule ids start with "m-", topic ids with "t-".
export const MUTE_ID_PREFIX = 'm-';
export const isMuteId = (id: string): boolean => id.startsWith(MUTE_ID_PREFIX);

export function newMuteId(now = Date.now(), rand = Math.random): string {
  const r = () => Math.floor(rand() * 36 ** 5).toString(36).padStart(5, '0');
  return `${MUTE_ID_PREFIX}${now.toString(36)}${r()}${r()}`;
}

/** Is the item hidden by a mute rule? (Its `muted` filled from its tags.) */
export const isMuted = (it: { muted?: readonly string[] }): boolean => (it.muted?.length ?? 0) > 0;
