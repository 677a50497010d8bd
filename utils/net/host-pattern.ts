// The one host-permission pattern Newsbar asks for: a site's scheme and host, without its port.
// Firefox refuses a match pattern with a port ("http://host:8787/*" is invalid there, so a feed on a
// non-default port could never be allowed) and Chrome ignores the port anyway.

/** "http://example.com:8787/feed.xml" (or the origin "http://example.com:8787") -> "http://example.com/*". */
export function hostPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
