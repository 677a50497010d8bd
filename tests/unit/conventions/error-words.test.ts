import fs from 'node:fs';
import path from 'node:path';
import { ROOT, sourceFiles } from './import-graph';

// Errors are codes; words only where shown (docs/ARCHITECTURE.md, Conventions): components word a
// failure through problemText/problemSentence or a message of the catalogue, never with an exception's
// own text, which is English (or the browser's) whatever the user's language.

/** An exception's own text: its `.message`, or the error turned into a string. */
const EXCEPTION_TEXT = /\.message\b|\bString\((e|err|error)\)/;

/** The lines of a source that show an exception's text, comments aside. */
const offending = (src: string): string[] => src.split('\n').filter((line) => EXCEPTION_TEXT.test(line.replace(/\/\/.*$/, '')));

describe('components', () => {
  it('never show an exception\'s message (the views, and the models whose state they show)', () => {
    const found = sourceFiles('components').flatMap((f) => offending(fs.readFileSync(path.join(ROOT, f), 'utf8')).map((line) => `${f}: ${line.trim()}`));
    expect(found).toEqual([]);
  });

  it('the check finds one (the reader and the settings import had one each)', () => {
    expect(offending('<p class="notice error" role="alert">\n  {st.message}\n</p>')).toEqual(['  {st.message}']);
    expect(offending("  return e.code === 'badField' ? t('opt_json_badField', e.message) : String(e);")).toHaveLength(1);
    expect(offending("  return String(err);\n  // e.message is for logs")).toEqual(['  return String(err);']);
  });
});
