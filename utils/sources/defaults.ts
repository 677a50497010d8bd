// Sources a new install starts with: public world-news feeds that need no key.
// Their hosts are in wxt.config.ts host_permissions, so they work without a permission prompt.
import type { SourceKind } from '../model';

export interface DefaultSource {
  name: string;
  url: string;
  kind: SourceKind;
}

export const DEFAULT_SOURCES: readonly DefaultSource[] = [
  { name: 'BBC News – World', url: 'https://feeds.bbci.co.uk/news/world/rss.xml', kind: 'feed' },
  { name: 'The Guardian – World', url: 'https://www.theguardian.com/world/rss', kind: 'feed' },
  { name: 'NPR – World', url: 'https://feeds.npr.org/1004/rss.xml', kind: 'feed' },
  { name: 'Al Jazeera', url: 'https://www.aljazeera.com/xml/rss/all.xml', kind: 'feed' },
  { name: 'The New York Times – World', url: 'https://rss.nytimes.com/services/xml/rss/nyt/World.xml', kind: 'feed' },
];
