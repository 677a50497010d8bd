// @vitest-environment node
// scripts/freshrss/: bootstrap's FreshRSS when ../shared/servers/freshrss is not there. The real
// download (GitHub) cannot run here; a GitHub-shaped archive (top folder FreshRSS-1.24.3, with the
// folders the slim tarball leaves out) made from the local slim tarball stands in for it, as a file:// URL.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const DIR = path.resolve('scripts/freshrss');
const SHARED = path.resolve('../shared/servers/freshrss');
const FETCH = path.join(DIR, 'fetch-freshrss.sh');
// The slim tarball: ../shared's, or the one bootstrap made on a machine without it.
const SLIM = [path.join(SHARED, 'vendor/freshrss-1.24.3-slim.tgz'), path.join(DIR, 'vendor/freshrss-1.24.3-slim.tgz')].find((f) => fs.existsSync(f));
const PINNED = /^TREE_DIGEST=([0-9a-f]{64})$/m.exec(fs.readFileSync(FETCH, 'utf8'))?.[1];

const temps: string[] = [];
const temp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbar-freshrss-fetch-'));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function fetchScript(env: Record<string, string>): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run('bash', [FETCH], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, out: (err.stdout ?? '') + (err.stderr ?? '') };
  }
}

async function treeDigest(tarball: string): Promise<string> {
  const dir = temp();
  await run('tar', ['-xzf', tarball, '-C', dir]);
  return (await run('bash', [path.join(DIR, 'tree-digest.sh'), path.join(dir, 'FreshRSS')])).stdout.trim();
}

/** The slim tree as GitHub's tag archive has it; `edit` changes it before packing. */
async function githubShaped(edit?: (tree: string) => void): Promise<string> {
  const dir = temp();
  await run('tar', ['-xzf', SLIM!, '-C', dir]);
  const tree = path.join(dir, 'FreshRSS-1.24.3');
  fs.renameSync(path.join(dir, 'FreshRSS'), tree);
  for (const d of ['docs', 'tests', 'Docker', '.github', '.devcontainer']) {
    fs.mkdirSync(path.join(tree, d));
    fs.writeFileSync(path.join(tree, d, 'README.md'), `${d}: not part of the slim tree`);
  }
  edit?.(tree);
  const file = path.join(dir, '1.24.3.tar.gz');
  await run('tar', ['-czf', file, '-C', dir, 'FreshRSS-1.24.3']);
  return `file://${file}`;
}

describe.skipIf(!SLIM)('FreshRSS for a machine without ../shared', () => {
  it("the pinned tree digest is the slim tarball's", async () => {
    expect(PINNED).toBeDefined();
    expect(await treeDigest(SLIM!)).toBe(PINNED);
  });

  it.skipIf(!fs.existsSync(SHARED))("with ../shared there it does nothing: no download, no vendor copy, and the project's start script is ../shared's", async () => {
    const vendor = path.join(temp(), 'vendor');
    const r = await fetchScript({ FRESHRSS_URL: 'file:///nonexistent.tgz', FRESHRSS_VENDOR: vendor });
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain('../shared has it');
    expect(fs.existsSync(vendor)).toBe(false);
    expect(fs.readFileSync(path.join(DIR, 'start-freshrss.sh'), 'utf8')).toBe(fs.readFileSync(path.join(SHARED, 'start-freshrss.sh'), 'utf8'));
  });

  it('without it, the release is downloaded, checked and packed where the start script looks; a second run keeps it', async () => {
    const vendor = path.join(temp(), 'vendor');
    const env = { FRESHRSS_SHARED: path.join(temp(), 'none'), FRESHRSS_VENDOR: vendor };
    const r = await fetchScript({ ...env, FRESHRSS_URL: await githubShaped() });
    expect(r.out).toContain('checked and packed');
    expect(r.code).toBe(0);
    const out = path.join(vendor, 'freshrss-1.24.3-slim.tgz');
    expect(await treeDigest(out)).toBe(PINNED);
    const again = await fetchScript({ ...env, FRESHRSS_URL: 'file:///nonexistent.tgz' });
    expect(again).toMatchObject({ code: 0 });
    expect(again.out).toContain('is there and checked');
  });

  it('a download with one file changed is refused and nothing is kept', async () => {
    const vendor = path.join(temp(), 'vendor');
    const url = await githubShaped((tree) => fs.appendFileSync(path.join(tree, 'p/api/greader.php'), '\n'));
    const r = await fetchScript({ FRESHRSS_SHARED: path.join(temp(), 'none'), FRESHRSS_VENDOR: vendor, FRESHRSS_URL: url });
    expect(r.code).toBe(1);
    expect(r.out).toContain('is not FreshRSS 1.24.3 as pinned');
    expect(fs.existsSync(path.join(vendor, 'freshrss-1.24.3-slim.tgz'))).toBe(false);
  });

  it('a download that fails is an error, nothing kept', async () => {
    const vendor = path.join(temp(), 'vendor');
    const r = await fetchScript({ FRESHRSS_SHARED: path.join(temp(), 'none'), FRESHRSS_VENDOR: vendor, FRESHRSS_URL: 'file:///nonexistent.tgz' });
    expect(r.code).not.toBe(0);
    expect(fs.existsSync(path.join(vendor, 'freshrss-1.24.3-slim.tgz'))).toBe(false);
  });
});
