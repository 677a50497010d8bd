// Starter packs a new user can pick in the sidebar's welcome: a handful of public feeds per subject,
// no key needed. Their hosts are in wxt.config.ts host_permissions, so Chrome adds them without a
// prompt (Firefox asks once, inside the click).
import type { SourceKind } from '../model';

export interface StarterFeed {
  name: string;
  url: string;
  kind: SourceKind;
}

export type PackId = 'world' | 'business' | 'tech' | 'science' | 'sport';

export interface StarterPack {
  id: PackId;
  feeds: readonly StarterFeed[];
}

const feed = (name: string, url: string): StarterFeed => ({ name, url, kind: 'feed' });

export const STARTER_PACKS: readonly StarterPack[] = [
  {
    id: 'world',
    feeds: [
      feed('BBC News – World', 'https://feeds.bbci.co.uk/news/world/rss.xml'),
      feed('The Guardian – World', 'https://www.theguardian.com/world/rss'),
      feed('NPR – World', 'https://feeds.npr.org/1004/rss.xml'),
      feed('Al Jazeera', 'https://www.aljazeera.com/xml/rss/all.xml'),
      feed('The New York Times – World', 'https://rss.nytimes.com/services/xml/rss/nyt/World.xml'),
    ],
  },
  {
    id: 'business',
    feeds: [
      feed('BBC News – Business', 'https://feeds.bbci.co.uk/news/business/rss.xml'),
      feed('The Guardian – Business', 'https://www.theguardian.com/business/rss'),
      feed('NPR – Business', 'https://feeds.npr.org/1006/rss.xml'),
      feed('The New York Times – Business', 'https://rss.nytimes.com/services/xml/rss/nyt/Business.xml'),
    ],
  },
  {
    id: 'tech',
    feeds: [
      feed('BBC News – Technology', 'https://feeds.bbci.co.uk/news/technology/rss.xml'),
      feed('The Guardian – Technology', 'https://www.theguardian.com/technology/rss'),
      feed('NPR – Technology', 'https://feeds.npr.org/1019/rss.xml'),
      feed('The New York Times – Technology', 'https://rss.nytimes.com/services/xml/rss/nyt/Technology.xml'),
    ],
  },
  {
    id: 'science',
    feeds: [
      feed('BBC News – Science', 'https://feeds.bbci.co.uk/news/science_and_environment/rss.xml'),
      feed('The Guardian – Science', 'https://www.theguardian.com/science/rss'),
      feed('NPR – Science', 'https://feeds.npr.org/1007/rss.xml'),
      feed('The New York Times – Science', 'https://rss.nytimes.com/services/xml/rss/nyt/Science.xml'),
    ],
  },
  {
    id: 'sport',
    feeds: [
      feed('BBC Sport', 'https://feeds.bbci.co.uk/sport/rss.xml'),
      feed('The Guardian – Sport', 'https://www.theguardian.com/sport/rss'),
      feed('NPR – Sports', 'https://feeds.npr.org/1055/rss.xml'),
      feed('The New York Times – Sports', 'https://rss.nytimes.com/services/xml/rss/nyt/Sports.xml'),
    ],
  },
];

export function starterPack(id: string): StarterPack | undefined {
  return STARTER_PACKS.find((p) => p.id === id);
}
