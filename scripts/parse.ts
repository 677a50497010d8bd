// npm run parse -- <file|url> [--kind rss|atom|rdf|json|feed|newsapi|guardian|gnews|live] [--key KEY]
// Reads a feed, news API response or live page the way Newsbar's poller does and prints the normalized
// items as JSON. A search feed (Google News, Bing News, Google Alerts: known by its address, or for a
// file by what it says about itself) is read as a topic's search reads it, and `search` lists each
// item's outlet, title and the address it will open.
// API keys may also come from NEWSBAR_API_KEY. On failure: a clear message on stderr and exit code 1.
import { readFile } from 'node:fs/promises';
import type { SourceKind } from '../utils/model';
import { itemIdFor } from '../utils/normalize/ids';
import { decodeBody } from '../utils/net/decode';
import { apiRequest, isApiKind, parseSourceBody, redactKey, SourceFormatError } from '../utils/sources/index';
import { isSourceKind, kindRow, SOURCE_KINDS } from '../utils/sources/kinds';
import { readSearchItems, searchFeedKindOf } from '../utils/search-feeds/read';

const KINDS = SOURCE_KINDS;
const USAGE = `usage: npm run parse -- <file|url> [--kind ${KINDS.join('|')}] [--key KEY]`;

function fail(message: string, key = ''): never {
  process.stderr.write(`parse: ${redactKey(message, key)}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let target: string | undefined;
  let kind: SourceKind = 'feed';
  let key = process.env.NEWSBAR_API_KEY ?? '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--kind' || a.startsWith('--kind=')) {
      const v = a.includes('=') ? a.slice(7) : args[++i];
      if (!isSourceKind(v)) fail(`unknown --kind "${v ?? ''}"\n${USAGE}`);
      kind = v;
    } else if (a === '--key' || a.startsWith('--key=')) {
      key = (a.includes('=') ? a.slice(6) : args[++i]) ?? '';
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE + '\n');
      return;
    } else if (!target) target = a;
    else fail(`unexpected argument "${a}"\n${USAGE}`);
  }
  if (!target) fail(USAGE);

  let bytes: Uint8Array;
  let contentType: string | undefined;
  let baseUrl: string | undefined;
  if (/^https?:\/\//i.test(target)) {
    let url = target;
    let headers: Record<string, string> = {};
    if (isApiKind(kind)) {
      if (!key) fail(`a ${kind} source needs an API key: pass --key or set NEWSBAR_API_KEY`);
      ({ url, headers } = apiRequest(kind, target, key));
    }
    let res: Response;
    try {
      const accept = kindRow(kind).accept ?? 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8';
      res = await fetch(url, { headers: { accept, ...headers } });
    } catch (e) {
      fail(`could not fetch ${target}: ${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}`, key);
    }
    bytes = new Uint8Array(await res.arrayBuffer());
    contentType = res.headers.get('content-type') ?? undefined;
    baseUrl = res.url || target;
    // API error bodies explain themselves better than the status code: parse them first.
    if (!res.ok && !isApiKind(kind)) fail(`the server answered ${res.status} ${res.statusText} for ${target}`, key);
  } else {
    try {
      bytes = new Uint8Array(await readFile(target));
    } catch (e) {
      fail(`cannot read ${target}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const text = decodeBody(bytes, contentType);
  try {
    const parsed = parseSourceBody(kind, text, contentType, { baseUrl, apiKey: key || undefined });
    const search = kind === 'feed' || kind === 'rss' || kind === 'atom' ? searchFeedKindOf(parsed, /^https?:/i.test(target) ? target : undefined) : undefined;
    const feed = search ? { ...parsed, items: readSearchItems(search, parsed.items) } : parsed;
    const out = {
      kind: feed.kind,
      title: feed.title,
      siteUrl: feed.siteUrl,
      ...('coverageEnd' in feed && feed.coverageEnd !== undefined && { coverageEnd: new Date(feed.coverageEnd as number).toISOString() }),
      skipped: feed.skipped,
      ...(search && { search: { kind: search, items: readSearchItems(search, parsed.items).map((it) => ({ outlet: it.outletLabel, title: it.title, opens: it.url })) } }),
      count: feed.items.length,
      items: feed.items.map((it) => ({
        id: itemIdFor('cli', it),
        ...it,
        publishedIso: it.published !== undefined ? new Date(it.published).toISOString() : undefined,
      })),
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } catch (e) {
    if (e instanceof SourceFormatError) {
      const where = [e.line !== undefined && `line ${e.line}`, e.column !== undefined && `column ${e.column}`, e.field && `field ${e.field}`]
        .filter(Boolean)
        .join(', ');
      fail(`${target}: ${e.message}${where ? ` [${where}]` : ''}`, key);
    }
    fail(`${target}: ${e instanceof Error ? e.message : String(e)}`, key);
  }
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
