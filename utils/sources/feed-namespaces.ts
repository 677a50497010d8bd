// The feed namespaces Newsbar reads from feedsmith's results (feed.ts, media.ts). The build (and the
// unit tests) leave out feedsmith's readers of every other namespace (scripts/build/trim-parsers.ts):
// the worker's parsers script is installed with the worker, and Chrome sends it with its code cache to
// every start of the worker. Reading another namespace (say `it.podcast`) means adding it here first.
export const READ_FEED_NAMESPACES: readonly string[] = ['atom', 'content', 'dc', 'itunes', 'media', 'rdf', 'xml'];
