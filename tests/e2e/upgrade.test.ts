// An update from the previous release in real Chromium: its build stores items (read, starred, tagged),
// then this build replaces it on the same profile and migrates the database (scripts/upgrade/check.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkPrerequisites, EXT_DIR } from './harness';
import { checkUpgrade } from '../../scripts/upgrade/check';
import { buildCommit } from '../../scripts/upgrade/build-old';
import { DB_VERSION } from '../../utils/db/open';

/** The last commit of the previous schema (0.14.0, schema 17). Move it forward with every schema change. */
const PREVIOUS_RELEASE = '2792b34';

describe('an update from the previous release', () => {
  it('keeps every item with its read and starred state and its topic tags, groups the same story into one row, and the next poll adds only what is new', { timeout: 240_000 }, async () => {
    checkPrerequisites();
    const old = buildCommit(PREVIOUS_RELEASE);
    const r = await checkUpgrade(old, EXT_DIR, 10, 50, DB_VERSION);
    assert.deepEqual(r.problems, []);
    // 10 feeds of 50, and one event reported by three outlets.
    assert.equal(r.items, 503);
    assert.ok(r.read > 100 && r.starred > 50 && r.tagged > 100, `state to carry over: ${JSON.stringify(r)}`);
  });
});
