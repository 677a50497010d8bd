import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/read.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('npm run read', () => {
  it('prints the article as JSON', () => {
    const r = run('tests/fixtures/reader/news-article.html', '--url', 'https://news.harbour.example/2026/11/barrier-vote');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['title', 'byline', 'published', 'leadImage', 'html', 'text']);
    expect(out.title).toBe('Coastal towns vote to share one flood barrier');
    expect(out.text).toContain('Three coastal towns voted');
    expect(out.text).not.toContain('We use cookies');
    expect(out.html).not.toMatch(/<script/);
  }, 60_000);

  it('says "no article found on this page" and exits 1 when there is none', () => {
    const r = run('tests/fixtures/reader/section-front.html');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no article found on this page/);
  }, 60_000);

  it('a missing file is a clear error too', () => {
    const r = run('tests/fixtures/reader/nope.html');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot read tests\/fixtures\/reader\/nope.html/);
  }, 60_000);
});
