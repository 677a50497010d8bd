// Reading the cluster command's input: JSON lines `{"id","title","url","source","published"}` (optional
// "summary"), checked line by line so a bad file is refused with the line and the field, never half-read.
import type { ClusterInput } from '@/utils/stories/cluster';

export class InputError extends Error {}

const fail = (line: number, what: string): never => {
  throw new InputError(`line ${line}: ${what}`);
};

/** The items of a JSON-lines text, in order; throws InputError naming the first bad line and field. */
export function parseClusterInput(text: string): ClusterInput[] {
  const items: ClusterInput[] = [];
  const seen = new Map<string, number>();
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trim();
    if (!line) return; // blank lines (a trailing newline) carry nothing
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      fail(n, 'not valid JSON');
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(n, 'not a JSON object');
    const o = v as Record<string, unknown>;
    for (const f of ['id', 'title', 'source'] as const) {
      if (!(f in o)) fail(n, `missing field "${f}"`);
      if (typeof o[f] !== 'string') fail(n, `field "${f}" must be a string`);
    }
    if ((o.id as string) === '') fail(n, 'field "id" must not be empty');
    if (!('published' in o)) fail(n, 'missing field "published"');
    if (typeof o.published !== 'number' || !Number.isFinite(o.published)) fail(n, 'field "published" must be a number (ms)');
    for (const f of ['url', 'summary'] as const) {
      if (f in o && o[f] !== null && typeof o[f] !== 'string') fail(n, `field "${f}" must be a string`);
    }
    const id = o.id as string;
    const first = seen.get(id);
    if (first !== undefined) fail(n, `field "id": duplicate id "${id}" (first on line ${first})`);
    seen.set(id, n);
    items.push({
      id,
      title: o.title as string,
      source: o.source as string,
      published: o.published as number,
      ...(typeof o.url === 'string' ? { url: o.url } : {}),
      ...(typeof o.summary === 'string' ? { summary: o.summary } : {}),
    });
  });
  if (items.length === 0) throw new InputError('no items: the input is empty');
  return items;
}
