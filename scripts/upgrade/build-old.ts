// Builds an earlier commit of Newsbar (its e2e build) from this repository's history, with this
// checkout's node_modules: the "old" side of an update check.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The e2e build of `commit` (built once per commit into the system's temp folder); its folder. */
export function buildCommit(commit: string, repo = process.cwd()): string {
  const root = path.join(os.tmpdir(), `newsbar-build-${commit}`);
  const out = path.join(root, '.output', 'chrome-mv3-e2e');
  if (fs.existsSync(path.join(out, 'manifest.json'))) return out;
  try {
    execFileSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: repo, stdio: 'ignore' });
  } catch {
    throw new Error(`commit ${commit} is not in this clone's history (a shallow clone?): fetch it to check the update from it`);
  }
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${root}"`], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  fs.symlinkSync(path.resolve(repo, 'node_modules'), path.join(root, 'node_modules'));
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync('npx', ['wxt', 'prepare'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}
