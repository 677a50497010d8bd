// OPML import/export of sources, and JSON export/import of everything. Files are checked
// completely first and shown as a summary; nothing changes until the user confirms. An OPML file's
// bad entries are listed with the reason, and feeds already in the list are named, before and after.
import { useState } from 'preact/hooks';
import type { SourceKind } from '@/utils/model';
import { t, tn } from '@/utils/i18n';
import type { OpmlBadEntry, OpmlError, OpmlReading, OpmlRepeat } from '@/utils/opml';
import type { readSettingsFile, SettingsFileError } from '@/utils/settings-io';
import { originsFor, searchOrigins } from '@/utils/origins';
import { inOpml } from '@/utils/sources/kinds';
import { findSameFeed } from '@/utils/normalize/feed-address';
import { problemText } from '@/utils/problem-text';
import { problemOf } from '@/utils/problems';
import type { OptionsStore } from './state';
import { Check } from './Field';
import { loadOpml, loadSettingsIo } from './later';

type NewSourceLike = { name?: string; url: string; kind?: SourceKind };
type Pending =
  | { kind: 'opml'; reading: OpmlReading; fresh: NewSourceLike[]; known: OpmlRepeat[] }
  | { kind: 'json'; text: string; file: ReturnType<typeof readSettingsFile>; fresh: NewSourceLike[] };

/** What an OPML import did, shown after it. */
interface OpmlReport {
  added: number;
  bad: OpmlBadEntry[];
  skipped: OpmlRepeat[];
}

// The OPML and settings-file code loads on first use (./later), so its errors are told by name.
function isError<E extends Error>(e: unknown, name: string): e is E {
  return e instanceof Error && e.name === name;
}

function opmlErrorText(e: unknown): string {
  if (isError<OpmlError>(e, 'OpmlError')) return t(`opt_opml_${e.code}`);
  return problemText(problemOf(e));
}

function jsonErrorText(e: unknown): string {
  // The bad field is named by its place in the file ("topics[2].query"), which reads the same in every language.
  if (isError<SettingsFileError>(e, 'SettingsFileError')) return e.code === 'badField' ? t('opt_json_badField', e.where) : t(`opt_json_${e.code}`);
  return problemText(problemOf(e));
}

function stamp(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** The entries that were not imported: the bad ones with their reason, the ones already there by name. */
function OpmlLeftOut({ bad, skipped }: { bad: OpmlBadEntry[]; skipped: OpmlRepeat[] }) {
  return (
    <>
      {bad.length > 0 && (
        <div class="opml-bad" role="group" aria-labelledby="opml-bad-title">
          <p id="opml-bad-title" class="error">{t('opt_opml_bad_title', bad.length)}</p>
          <ul>
            {bad.map((b, i) => (
              <li key={i}>
                <strong>{b.name || t('opt_opml_unnamed')}</strong>
                {b.address && <> (<span class="url">{b.address}</span>)</>}: {problemText(b.problem)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {skipped.length > 0 && (
        <div class="opml-skipped" role="group" aria-labelledby="opml-skipped-title">
          <p id="opml-skipped-title">{t('opt_opml_skipped_title', skipped.length)}</p>
          <ul>
            {skipped.map((s, i) => (
              <li key={i}>{s.name && s.name !== s.as ? t('opt_opml_skipped_as', [s.name, s.as]) : s.as}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

export function ImportExportSection({ store }: { store: OptionsStore }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [report, setReport] = useState<OpmlReport | null>(null);
  const [errors, setErrors] = useState<{ opml?: string; json?: string }>({});
  // Connected to a feed server: the user says whether the imported feeds go to the server too.
  const [toServer, setToServer] = useState(false);
  const connected = !!store.server.account.value;
  const feeds = store.sources.value.filter((s) => inOpml(s.kind));
  const inList = (url: string) => findSameFeed(store.sources.value, [url]);

  async function pick(kind: 'opml' | 'json', input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must trigger a change
    if (!file) return;
    setPending(null);
    setReport(null);
    setErrors({});
    const text = await file.text();
    try {
      if (kind === 'opml') {
        const { readOpml } = await loadOpml();
        const reading = readOpml(text);
        const known: OpmlRepeat[] = [...reading.repeats];
        const fresh = reading.sources.filter((s) => {
          const same = inList(s.url);
          if (same) known.push({ name: s.name, url: s.url, as: same.name });
          return !same;
        });
        setPending({ kind, reading, fresh, known });
      } else {
        const { readSettingsFile } = await loadSettingsIo();
        const f = readSettingsFile(text, store.now());
        setPending({ kind, text, file: f, fresh: f.sources.filter((s) => !inList(s.url)) });
      }
    } catch (e) {
      setErrors({ [kind]: kind === 'opml' ? opmlErrorText(e) : jsonErrorText(e) });
    }
  }

  async function confirm() {
    if (!pending) return;
    // Topics that search the news ask for their engine's site too, in the same prompt.
    const origins = [...new Set([...originsFor(pending.fresh), ...(pending.kind === 'json' ? searchOrigins(pending.file.topics, store.locale) : [])])];
    // First await of the click: the permission prompt needs the user gesture.
    if (origins.length > 0 && !(await store.requestOrigins(origins).catch(() => false))) {
      setErrors({ [pending.kind]: t('opt_import_permission') });
      return;
    }
    try {
      if (pending.kind === 'opml') {
        const r = await store.importOpmlFile(pending.reading, connected && toServer);
        const skipped = [...pending.reading.repeats, ...r.skipped];
        setReport({ added: r.added.length, bad: pending.reading.bad, skipped });
        store.announce(t('opt_opml_imported', [r.added.length, skipped.length, pending.reading.bad.length]));
      } else {
        const r = await store.importSettingsFile(pending.file);
        store.announce(t('opt_imported_settings', [String(pending.file.topics.length), String(r.added.length)]));
      }
      setPending(null);
    } catch (e) {
      setErrors({ [pending.kind]: pending.kind === 'opml' ? opmlErrorText(e) : jsonErrorText(e) });
    }
  }

  async function exportOpmlFile() {
    try {
      const { exportOpml } = await loadOpml();
      store.download(`newsbar-sources-${stamp(store.now())}.opml`, exportOpml(store.sources.value, store.now()), 'text/x-opml');
      setErrors({});
    } catch (e) {
      setErrors({ opml: opmlErrorText(e) });
    }
  }

  async function exportJsonFile() {
    const { exportSettings } = await loadSettingsIo();
    const text = exportSettings(store.settings.value, store.topics.value, store.sources.value, store.now(), store.mutes.value);
    store.download(`newsbar-settings-${stamp(store.now())}.json`, text, 'application/json');
  }

  const summary = pending?.kind === 'opml'
    ? t('opt_opml_summary', [tn('opt_opml_new', pending.fresh.length), tn('opt_opml_known', pending.known.length), tn('opt_opml_bad', pending.reading.bad.length)])
    : pending?.kind === 'json'
      ? t('opt_json_summary', [String(pending.file.topics.length), String(pending.fresh.length)])
      : '';

  const confirmBox = (kind: Pending['kind']) =>
    pending?.kind === kind && (
      <div class="confirm" role="group" aria-labelledby={`${kind}-summary`}>
        <p id={`${kind}-summary`}>{summary}</p>
        {pending.kind === 'opml' && <OpmlLeftOut bad={pending.reading.bad} skipped={pending.known} />}
        {pending.kind === 'opml' && connected && (
          <Check id="opml-to-server" checked={toServer} onChange={setToServer}>{t('opt_opml_to_server')}</Check>
        )}
        <button type="button" class="primary" onClick={() => void confirm()} disabled={pending.fresh.length === 0}>
          {t('opt_import_confirm')}
        </button>
        <button type="button" onClick={() => setPending(null)}>{t('opt_cancel')}</button>
      </div>
    );

  return (
    <section id="import-export" aria-labelledby="io-title">
      <h2 id="io-title">{t('opt_import_export')}</h2>
      <div class="card">
        <h3>{t('opt_opml')}</h3>
        <p class="hint">{t('opt_opml_hint')}</p>
        <div class="actions">
          <button type="button" onClick={() => void exportOpmlFile()} disabled={feeds.length === 0}>{t('opt_opml_export')}</button>
          <label class="button file">
            {t('opt_opml_import')}
            <input type="file" accept=".opml,.xml,text/xml,text/x-opml,application/xml" class="visually-hidden"
              aria-describedby={errors.opml ? 'opml-error' : undefined}
              onChange={(e) => void pick('opml', e.currentTarget)} />
          </label>
        </div>
        {errors.opml && <p class="error" id="opml-error" role="alert">{errors.opml}</p>}
        {confirmBox('opml')}
        {report && (
          <div class="opml-report" role="status">
            <p>{t('opt_opml_imported', [report.added, report.skipped.length, report.bad.length])}</p>
            <OpmlLeftOut bad={report.bad} skipped={report.skipped} />
          </div>
        )}
      </div>
      <div class="card">
        <h3>{t('opt_json')}</h3>
        <p class="hint">{t('opt_json_hint')}</p>
        <div class="actions">
          <button type="button" onClick={() => void exportJsonFile()}>{t('opt_json_export')}</button>
          <label class="button file">
            {t('opt_json_import')}
            <input type="file" accept=".json,application/json" class="visually-hidden"
              aria-describedby={errors.json ? 'json-error' : undefined}
              onChange={(e) => void pick('json', e.currentTarget)} />
          </label>
        </div>
        {errors.json && <p class="error" id="json-error" role="alert">{errors.json}</p>}
        {confirmBox('json')}
      </div>
    </section>
  );
}
