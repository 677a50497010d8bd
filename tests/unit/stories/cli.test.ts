// @vitest-environment node
// `npm run cluster -- FILE.jsonl`: JSON lines in, one {"id","story"} line per item out, in input order; bad
// input is refused with the line and the field, exit code 1 and nothing on stdout. The checks of every kind
// of bad line run on the parser itself; the command is spawned for the whole path.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { InputError, parseClusterInput } from '@/scripts/stories/input';

const run = promisify(execFile);

async function spawn(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(cmd, args, { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const line = (o: object) => JSON.stringify(o);
const good = [
  { id: 'a', title: 'Volcano erupts in Iceland, ash cloud grounds flights', url: 'https://a.example/iceland-volcano-ash-flights', source: 'A', published: 1000 },
  { id: 'b', title: 'Central bank holds interest rates', url: 'https://b.example/bank-rates', source: 'B', published: 2000 },
  { id: 'c', title: 'Iceland volcano ash cloud: flights grounded across Europe', url: 'https://c.example/volcano-ash-cloud-flights', source: 'C', published: 3000, summary: 'Airports in <b>Europe</b> closed.' },
];

function tempFile(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsbar-cluster-')), 'items.jsonl');
  fs.writeFileSync(file, text);
  return file;
}

/** The error parseClusterInput throws for a text. */
function refusal(text: string): string {
  try {
    parseClusterInput(text);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('accepted');
}

describe('the cluster command\'s input', () => {
  it('reads items in order, with optional url and summary, blank lines skipped', () => {
    const items = parseClusterInput(`${good.map(line).join('\n')}\n\n`);
    expect(items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(items[2].summary).toBe('Airports in <b>Europe</b> closed.');
    expect(parseClusterInput(line({ id: 'x', title: 't', source: 's', published: 1 }))[0].url).toBeUndefined();
  });

  it('names the line and the field of the first bad line', () => {
    const ok = line(good[0]);
    expect(refusal(`${ok}\n{"id": "b", "title": `)).toBe('line 2: not valid JSON');
    expect(refusal(`${ok}\n[1, 2]`)).toBe('line 2: not a JSON object');
    expect(refusal(`${ok}\n\n${line({ id: 'b', source: 's', published: 1 })}`)).toBe('line 3: missing field "title"');
    expect(refusal(line({ id: 7, title: 't', source: 's', published: 1 }))).toBe('line 1: field "id" must be a string');
    expect(refusal(line({ id: 'x', title: 't', source: 's', published: '2014-04-15' }))).toBe('line 1: field "published" must be a number (ms)');
    expect(refusal(line({ id: 'x', title: 't', source: 's' }))).toBe('line 1: missing field "published"');
    expect(refusal(line({ id: 'x', title: 't', source: 's', published: 1, url: 5 }))).toBe('line 1: field "url" must be a string');
    expect(refusal(`${ok}\n${ok}`)).toBe('line 2: field "id": duplicate id "a" (first on line 1)');
    expect(refusal('\n\n')).toBe('no items: the input is empty');
  });
});

describe('npm run cluster', () => {
  it('prints one {"id","story"} line per item in input order (npm run -s: nothing else), and refuses bad input with exit code 1', async () => {
    const ok = tempFile(`${good.map(line).join('\n')}\n`);
    const bad = tempFile(`${line(good[0])}\n${line({ id: 'b', title: 'x', source: 'B', published: 'soon' })}\n`);
    const [quiet, refused] = await Promise.all([spawn('npm', ['run', '-s', 'cluster', '--', ok]), spawn('npx', ['tsx', 'scripts/cluster.ts', bad])]);

    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const lines = quiet.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; story: string });
    expect(lines).toEqual([
      { id: 'a', story: 'a' },
      { id: 'b', story: 'b' },
      { id: 'c', story: 'a' },
    ]);

    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`cluster: ${bad}: line 2: field "published" must be a number (ms)\n`);
  }, 60_000);
});
