// Leaves out of the bundles the library code Newsbar's parsers never run. Chrome sends every script
// installed with the worker (parsers.js too, imported at install) with its V8 code cache (compiled
// eagerly: 2-4.5 bytes of cache per byte of script) to every start, so each KB cut here is 3-5 KB
// less per wake. Used by wxt.config.ts and vitest.config.ts, so the unit tests run the same code.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { READ_FEED_NAMESPACES } from '../../utils/sources/feed-namespaces.ts';
import { stopNodesOnce } from './stop-nodes-once.ts';

const PREFIX = '\0newsbar-trim:';
const FEEDSMITH_NAMESPACE_READER = /[/\\]node_modules[/\\]feedsmith[/\\]dist[/\\]namespaces[/\\]([^/\\]+)[/\\]parse[/\\]utils\.mjs$/;

/** The names a feedsmith module exports, from its closing `export { a, b as c };`. */
export function exportedNames(source: string, file: string): string[] {
  const m = /^export \{([^}]*)\};?\s*$/m.exec(source);
  if (!m) throw new Error(`trim-parsers: no export list in ${file} (feedsmith's build changed: check scripts/build/trim-parsers.ts)`);
  return m[1]!.split(',').map((s) => s.trim().split(/\s+as\s+/).pop()!).filter(Boolean);
}

/**
 * feedsmith reads 33 feed namespaces (podcast, prism, georss, ...) into every item; Newsbar reads 7
 * (utils/sources/feed-namespaces.ts). The readers of the others become functions that return
 * undefined, which is what feedsmith returns for a namespace the feed does not declare: the XML is
 * read the same way (namespace prefixes and stop nodes are feedsmith's common config, kept), the
 * items lack only fields Newsbar never reads.
 */
function unreadFeedNamespaces(): Plugin {
  return {
    name: 'newsbar-unread-feed-namespaces',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/feedsmith/.test(importer) || !/namespaces\/[^/]+\/parse\/utils\.mjs$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const m = resolved && FEEDSMITH_NAMESPACE_READER.exec(resolved.id);
      if (!m || READ_FEED_NAMESPACES.includes(m[1]!)) return null;
      return `${PREFIX}${resolved!.id}`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length);
      const names = exportedNames(fs.readFileSync(file, 'utf8'), file);
      return names.map((n) => `export const ${n} = () => undefined;`).join('\n');
    },
  };
}

/**
 * fast-xml-parser checks the entities a feed declares with is-unsafe's HTML and XML rules; is-unsafe's
 * index brings all nine rule sets. fast-xml-parser gets ./is-unsafe-markup.js instead: the same two
 * rule sets and entity decoding (is-unsafe's files), the same matching.
 */
function isUnsafeMarkupOnly(): Plugin {
  const markup = fileURLToPath(new URL('./is-unsafe-markup.js', import.meta.url));
  return {
    name: 'newsbar-is-unsafe-markup',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      if (source === 'is-unsafe' && /[/\\]node_modules[/\\]fast-xml-parser[/\\]/.test(importer)) return markup;
      if (source.startsWith('is-unsafe/src/') && path.resolve(importer) === markup) {
        // is-unsafe's package exports only its index: its own files, by path.
        const index = await this.resolve('is-unsafe', importer, { ...options, skipSelf: true });
        if (!index) throw new Error('trim-parsers: is-unsafe is not installed');
        return path.join(path.dirname(index.id), source.slice('is-unsafe/src/'.length));
      }
      return null;
    },
  };
}

/** The parsers as the bundles and the unit tests build them: trimmed, and their stop nodes compiled once (stop-nodes-once.ts). */
export function trimParsers(): Plugin[] {
  return [unreadFeedNamespaces(), isUnsafeMarkupOnly(), stopNodesOnce()];
}
