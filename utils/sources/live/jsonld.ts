// schema.org LiveBlogPosting in JSON-LD: at the top level, inside @graph, inside arrays, as mainEntity;
// liveBlogUpdate as one object or a list, or as {"@id"} references to nodes elsewhere on the page.

export type Json = Record<string, unknown>;

/** Every JSON-LD block of the page, parsed; broken blocks are skipped (one bad block loses nothing else). */
export function jsonLdBlocks(texts: string[]): unknown[] {
  const out: unknown[] = [];
  for (const raw of texts) {
    const parsed = parseLenient(raw);
    if (parsed !== undefined) out.push(parsed);
  }
  return out;
}

function parseLenient(raw: string): unknown {
  const s = raw.replace(/^\s*<!--|-->\s*$/g, '').replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '').trim();
  if (!s) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    // Pages often put raw line breaks and tabs inside strings, or leave a trailing comma.
    try {
      return JSON.parse(s.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

export function typesOf(o: Json): string[] {
  const t = o['@type'] ?? o.type;
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:#]/, ''));
}

/** Every object in the blocks (depth-first, iterative), and an index of those with an @id. */
export function allNodes(blocks: unknown[]): { nodes: Json[]; byId: Map<string, Json> } {
  const nodes: Json[] = [];
  const byId = new Map<string, Json>();
  const stack: unknown[] = [...blocks].reverse();
  let budget = 200_000; // a hostile page cannot keep the worker busy forever
  while (stack.length && budget-- > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (v && typeof v === 'object') {
      const o = v as Json;
      nodes.push(o);
      const id = o['@id'];
      // A node that is only a reference ({"@id": x}) does not replace the full one.
      if (typeof id === 'string' && (!byId.has(id) || Object.keys(o).length > 1)) byId.set(id, o);
      const vals = Object.values(o);
      for (let i = vals.length - 1; i >= 0; i--) if (vals[i] && typeof vals[i] === 'object') stack.push(vals[i]);
    }
  }
  return { nodes, byId };
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Json;
    return str(o['@value'] ?? o.url ?? o.name ?? o['@id']);
  }
  return undefined;
}

export function list(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}
