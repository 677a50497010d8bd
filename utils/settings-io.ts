// Export and import of everything a user set up (settings, topics, mute rules, sources) as one JSON file.
// API keys are never in it: they stay in this browser. Import checks the whole file first.
import { DEFAULT_SETTINGS, type MuteRule, type Settings, type Source, type Topic } from './model';
import { muteRuleWrites } from './mutes/store';
import { isMuteId } from './mutes/ids';
import type { NewsDb } from './db/schema';
import type { NewSource } from './db/sources';
import type { StorageAreaLike } from './settings';
import { SETTINGS_KEY } from './storage-keys';
import { addSourcesAtomically, type ImportResult } from './db/sources';
import { replaceTopics } from './topics/store';
import { parseQuery } from './topics/query';
import { readTopicSearch } from './search-feeds/read-search';
import { parseHttpUrl } from './validate';
import { SETTING_KEYS, SETTINGS_SPEC, settingFault } from './settings-spec';
import { isApiKind, isSourceKind, KIND_TABLE, kindRow } from './sources/kinds';

export const FORMAT = 'newsbar-settings';
export const FORMAT_VERSION = 1;

export interface SettingsFile {
  format: typeof FORMAT;
  version: number;
  exportedAt: string;
  settings: Settings;
  topics: Topic[];
  /** Absent in files written before mute rules: an import then keeps the rules there are. */
  mutes?: MuteRule[];
  sources: Array<Required<Pick<NewSource, 'name' | 'url' | 'kind' | 'intervalMin' | 'breaking' | 'enabled'>> & Pick<NewSource, 'folder' | 'favourite' | 'followStories'>>;
}

export function exportSettings(settings: Settings, topics: readonly Topic[], sources: readonly Source[], now = Date.now(), mutes: readonly MuteRule[] = []): string {
  const file: SettingsFile = {
    format: FORMAT,
    version: FORMAT_VERSION,
    exportedAt: new Date(now).toISOString(),
    // Only what the file carries (a snooze is of this moment, on this browser).
    settings: fileSettings(settings),
    topics: [...topics],
    mutes: [...mutes],
    sources: sources.filter((s) => kindRow(s.kind).settingsFile).map((s) => ({ name: s.name, url: s.url, kind: s.kind, intervalMin: s.intervalMin, breaking: s.breaking, enabled: s.enabled, ...(s.folder ? { folder: s.folder } : {}), ...(s.favourite ? { favourite: true } : {}), ...(s.followStories ? { followStories: true } : {}) })),
  };
  return JSON.stringify(file, null, 2);
}

/** The settings as a file holds them: those the table marks for the file, the others at their default. */
function fileSettings(settings: Settings): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const k of SETTING_KEYS) if (SETTINGS_SPEC[k].file) out[k] = settings[k];
  return out as unknown as Settings;
}

export class SettingsFileError extends Error {
  constructor(
    readonly code: 'notJson' | 'notNewsbar' | 'newerVersion' | 'badField',
    /** Where in the file, e.g. "topics[2].query". */
    readonly where: string,
    message: string,
  ) {
    super(message);
    this.name = 'SettingsFileError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function bad(where: string, what: string): never {
  throw new SettingsFileError('badField', where, `${where}: ${what}`);
}

function int(o: Obj, k: string, where: string, min: number, max: number): number {
  const v = o[k];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) bad(`${where}.${k}`, `must be a whole number from ${min} to ${max}`);
  return v;
}

function str(o: Obj, k: string, where: string, max = 500): string {
  const v = o[k];
  if (typeof v !== 'string' || v.length > max) bad(`${where}.${k}`, 'must be text');
  return v;
}

function bool(o: Obj, k: string, where: string): boolean {
  const v = o[k];
  if (typeof v !== 'boolean') bad(`${where}.${k}`, 'must be true or false');
  return v;
}

/** The file's settings, each checked by the one table (utils/settings-spec.ts); those it lacks take their default. */
function readSettings(v: unknown): Settings {
  if (!isObj(v)) bad('settings', 'is missing');
  const s: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const k of SETTING_KEYS) {
    const row = SETTINGS_SPEC[k];
    if (!row.file || !(k in v)) continue;
    const fault = settingFault(row, v[k]);
    if (fault) bad(`settings.${k}`, fault);
    s[k] = v[k];
  }
  return s as unknown as Settings;
}

function readTopic(v: unknown, i: number, now: number): Topic {
  const where = `topics[${i}]`;
  if (!isObj(v)) bad(where, 'is not a topic');
  const id = str(v, 'id', where, 40);
  if (!/^[\w-]+$/.test(id)) bad(`${where}.id`, 'is not a valid id');
  const name = str(v, 'name', where, 60).trim();
  if (!name) bad(`${where}.name`, 'is empty');
  const query = str(v, 'query', where);
  const parsed = parseQuery(query);
  if (!parsed.ok) bad(`${where}.query`, parsed.error.message);
  const sourceIds = v.sourceIds ?? [];
  if (!Array.isArray(sourceIds) || !sourceIds.every((x) => typeof x === 'string')) bad(`${where}.sourceIds`, 'must be a list of source ids');
  const createdAt = typeof v.createdAt === 'number' && v.createdAt > 0 ? v.createdAt : now;
  const follow = 'followStories' in v && bool(v, 'followStories', where) ? { followStories: true } : {};
  const search = v.search === undefined ? undefined : readTopicSearch(v.search);
  if (v.search !== undefined && !search) bad(`${where}.search`, 'is not a news search (Google News, Bing News or a Google Alerts feed)');
  return { id, name, query, sourceIds, notify: bool(v, 'notify', where), breaking: bool(v, 'breaking', where), createdAt, ...follow, ...(search && { search }) };
}

function readMute(v: unknown, i: number, now: number): MuteRule {
  const where = `mutes[${i}]`;
  if (!isObj(v)) bad(where, 'is not a mute rule');
  const id = str(v, 'id', where, 40);
  if (!/^[\w-]+$/.test(id) || !isMuteId(id)) bad(`${where}.id`, 'is not a valid id');
  const query = str(v, 'query', where);
  const parsed = parseQuery(query);
  if (!parsed.ok) bad(`${where}.query`, parsed.error.message);
  const list = (k: 'sourceIds' | 'folders') => {
    const x = v[k] ?? [];
    if (!Array.isArray(x) || !x.every((y) => typeof y === 'string')) bad(`${where}.${k}`, 'must be a list of names');
    return x as string[];
  };
  const createdAt = typeof v.createdAt === 'number' && v.createdAt > 0 ? v.createdAt : now;
  return { id, query, sourceIds: list('sourceIds'), folders: list('folders'), createdAt };
}

function readSource(v: unknown, i: number): SettingsFile['sources'][number] {
  const where = `sources[${i}]`;
  if (!isObj(v)) bad(where, 'is not a source');
  const kind = v.kind ?? 'feed';
  if (!isSourceKind(kind) || !KIND_TABLE[kind].settingsFile) bad(`${where}.kind`, 'is not a known kind of source');
  const defaults = KIND_TABLE[kind].defaults;
  // A news API source's "url" may be search words; a feed's must be a web address.
  const rawUrl = str(v, 'url', where, 2000).trim();
  const url = isApiKind(kind) ? rawUrl : parseHttpUrl(rawUrl);
  if (!url) bad(`${where}.url`, 'is not a web address');
  return {
    name: str(v, 'name', where, 200),
    url,
    kind,
    intervalMin: 'intervalMin' in v ? int(v, 'intervalMin', where, 1, 1440) : defaults.intervalMin,
    breaking: 'breaking' in v ? bool(v, 'breaking', where) : defaults.breaking,
    enabled: 'enabled' in v ? bool(v, 'enabled', where) : true,
    ...('folder' in v ? { folder: str(v, 'folder', where, 200) } : {}),
    ...('favourite' in v && bool(v, 'favourite', where) ? { favourite: true } : {}),
    ...('followStories' in v && bool(v, 'followStories', where) ? { followStories: true } : {}),
  };
}

/** Reads and checks a settings file; throws SettingsFileError naming the first bad field. */
export function readSettingsFile(text: string, now = Date.now()): Omit<SettingsFile, 'exportedAt'> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SettingsFileError('notJson', '', 'this file is not JSON');
  }
  if (!isObj(raw) || raw.format !== FORMAT) throw new SettingsFileError('notNewsbar', '', 'this is not a Newsbar settings file');
  if (typeof raw.version !== 'number' || raw.version > FORMAT_VERSION) throw new SettingsFileError('newerVersion', 'version', 'this file comes from a newer Newsbar');
  const topics = Array.isArray(raw.topics) ? raw.topics.map((t, i) => readTopic(t, i, now)) : bad('topics', 'must be a list');
  const ids = new Set<string>();
  topics.forEach((t, i) => {
    if (ids.has(t.id)) bad(`topics[${i}].id`, 'appears twice');
    ids.add(t.id);
  });
  const sources = Array.isArray(raw.sources) ? raw.sources.map(readSource) : bad('sources', 'must be a list');
  const mutes = raw.mutes === undefined ? undefined : Array.isArray(raw.mutes) ? raw.mutes.map((m, i) => readMute(m, i, now)) : bad('mutes', 'must be a list');
  mutes?.forEach((m, i) => {
    if (mutes.findIndex((x) => x.id === m.id) !== i) bad(`mutes[${i}].id`, 'appears twice');
  });
  return { format: FORMAT, version: raw.version, settings: readSettings(raw.settings), topics, sources, ...(mutes ? { mutes } : {}) };
}

/**
 * Applies a checked file: sources are added (existing addresses kept as they are) in one
 * transaction, then settings and topics are replaced in one storage write. The options page has the
 * worker add the sources (the one writer) and applies the rest with applySettingsToSync.
 */
export async function applySettingsFile(db: NewsDb, sync: StorageAreaLike, file: Omit<SettingsFile, 'exportedAt'>, now = Date.now()): Promise<ImportResult> {
  const result = await addSourcesAtomically(db, file.sources, now);
  await applySettingsToSync(sync, file);
  return result;
}

/** Settings, topics and mute rules in one storage write (the rules a file lacks are kept). */
export async function applySettingsToSync(sync: StorageAreaLike, file: Omit<SettingsFile, 'exportedAt'>): Promise<void> {
  const mutes = file.mutes ? await muteRuleWrites(sync, file.mutes) : undefined;
  await replaceTopics(sync, file.topics, { [SETTINGS_KEY]: file.settings, ...mutes?.set });
  if (mutes?.gone.length) await sync.remove?.(mutes.gone);
}
