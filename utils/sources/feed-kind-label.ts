// A found feed's format as people know it, beside its name (the options page and the welcome alike).
export const FEED_KIND_LABEL: Readonly<Record<string, string>> = { rss: 'RSS', atom: 'Atom', rdf: 'RDF', json: 'JSON Feed' };
