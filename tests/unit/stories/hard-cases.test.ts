// @vitest-environment node
// Hand-made hard cases, each among a day's worth of unrelated headlines (so word rarity means what it does
// in a real window): same place, different events; one event in different words; numbers that disagree;
// a chain of weak likenesses.
import { describe, expect, it } from 'vitest';
import { clusterItems, type ClusterInput } from '@/utils/stories/cluster';

const BACKGROUND = [
  'Central bank holds interest rates steady as inflation cools',
  'Tech giant unveils new smartphone with foldable screen',
  'City council approves budget for new public library',
  'Heatwave sends temperatures soaring across southern Europe',
  'Pop star announces world tour dates for next summer',
  'Oil prices slip as supply fears ease',
  'Scientists discover new species of frog in rainforest',
  'Airline cancels hundreds of flights after computer outage',
  'Parliament debates changes to pension rules',
  'Striker signs five-year contract with league champions',
  'Hospital waiting lists grow longer, report finds',
  'Electric car maker recalls vehicles over brake fault',
  'Museum returns looted artefacts to their country of origin',
  'Wildfire forces evacuation of mountain villages',
  'Retail sales rise more than expected in spring',
  'Festival organisers cancel event because of storm warning',
  'Court rules against government in data privacy case',
  'Space agency delays rocket launch over valve problem',
  'Teachers vote to strike over pay and workload',
  'Shares in mining group tumble after profit warning',
  'Chef opens restaurant serving only local produce',
  'Police appeal for witnesses after jewellery shop robbery',
  'Farmers protest against cheap food imports',
  'Film wins top prize at international festival',
  'Rail operator promises faster trains by next year',
  'Streaming service raises subscription prices',
  'Drought threatens harvest in the grain belt',
  'Minister resigns over expenses scandal',
  'Tennis champion retires after knee injury',
  'Researchers link poor sleep to heart disease',
].map((title, i) => ({ id: `bg-${i}`, title, url: `https://bg.example/news/${i}`, source: `bg-source-${i % 7}`, published: 1_000 + i * 1_000 }));

let n = 0;
const item = (title: string, url?: string): ClusterInput => {
  n++;
  return { id: `x-${n}`, title, url, source: `source-${n}`, published: 100_000 + n * 60_000 };
};

/** The stories of the given items, grouped after the background. */
function storiesOf(...items: ClusterInput[]): string[] {
  const out = clusterItems([...BACKGROUND, ...items]);
  return items.map((it) => out.get(it.id)!);
}

describe('same-story grouping: hard cases', () => {
  it('keeps two events in one place apart', () => {
    const [quake1, quake2, football1, football2] = storiesOf(
      item('Powerful earthquake strikes northern Chile', 'https://a.example/world/powerful-earthquake-strikes-northern-chile'),
      item('Chile earthquake: tsunami warning after strong quake', 'https://b.example/2014/04/chile-earthquake-tsunami-warning'),
      item('Chile beat Australia in World Cup opener', 'https://c.example/sport/chile-beat-australia-world-cup-opener'),
      item('World Cup: Chile win opening match against Australia', 'https://d.example/football/world-cup-chile-australia'),
    );
    expect(quake2).toBe(quake1);
    expect(football2).toBe(football1);
    expect(football1).not.toBe(quake1);
  });

  it('puts one event told in different words together when rare names and slug words agree', () => {
    const [a, b] = storiesOf(
      item('Ocean Shield detects new signals in MH370 hunt', 'https://a.example/world/ocean-shield-mh370-signals-indian-ocean'),
      item('Underwater drone joins search for missing jet', 'https://b.example/asia/mh370-ocean-shield-underwater-drone-search'),
    );
    expect(b).toBe(a);
  });

  it('does not merge "5 dead" with "50 dead"', () => {
    const [five, fifty] = storiesOf(
      item('Bus plunges into ravine in Peru, 5 dead', 'https://a.example/world/peru-bus-ravine-5-dead'),
      item('Bus plunges into ravine in Peru, 50 dead', 'https://b.example/world/peru-bus-ravine-50-dead'),
    );
    expect(fifty).not.toBe(five);
  });

  it('still merges the same numbers told twice', () => {
    const [a, b] = storiesOf(
      item('Bus plunges into ravine in Peru, 5 dead'),
      item('Five dead as bus plunges into Peru ravine: 5 confirmed', 'https://b.example/peru-bus-plunges-ravine'),
    );
    expect(b).toBe(a);
  });

  it('does not chain weak likenesses: A~B, B~C, C~D never puts A with D', () => {
    // Each headline shares two of its five rare words with the next, none with the others.
    const words = ['zarkon', 'velmira', 'quintel', 'oskaryn', 'pellucid', 'marrowby', 'tesselate', 'brondholm', 'yavinar', 'kestrelle', 'ulmquist', 'dravenport', 'sollence', 'fenwray'];
    const headline = (k: number) => words.slice(3 * k, 3 * k + 5).join(' ');
    // Alone, each pair is alike enough to be one story...
    for (let k = 0; k < 3; k++) {
      const [x, y] = storiesOf(item(headline(k)), item(headline(k + 1)));
      expect(y, `pair ${k}`).toBe(x);
    }
    // ...but a newcomer is compared with the story as a whole, not with its nearest member.
    const [a, , , d] = storiesOf(item(headline(0)), item(headline(1)), item(headline(2)), item(headline(3)));
    expect(d).not.toBe(a);
  });

  it('keeps unrelated lines apart in a window of a few items, where every word looks rare', () => {
    // The end-to-end tests' items, each line from a source of its own; a family is one kind of line.
    const lines: Array<[family: string, title: string, url?: string]> = [
      ['valley', 'Storm warning 0 for the valley', 'http://127.0.0.1/valley/0'],
      ['valley', 'Storm warning 1 for the valley', 'http://127.0.0.1/valley/1'],
      ['k', 'Item 2-0 storm harbour report', 'http://127.0.0.1/k/2-0'],
      ['k', 'Item 1-0 storm harbour report', 'http://127.0.0.1/k/1-0'],
      ['k', 'Item 0-3 storm report!', 'http://127.0.0.1/k/0-3'],
      ['k', 'Item 0-5 harbour report', 'http://127.0.0.1/k/0-5'],
      ['coast', 'Storm report number 3 from the coast', 'http://127.0.0.1/story/3'],
      ['coast', 'Storm report number 4 from the coast', 'http://127.0.0.1/story/4'],
      ['night', 'Night storm 0 over the hills'],
      ['harbour', 'Article number 39 about the harbour'],
      ['harbour', 'Article number 38 about the harbour'],
    ];
    // In every order (each rotation of the list), so no line's place decides it.
    for (let r = 0; r < lines.length; r++) {
      const order = [...lines.slice(r), ...lines.slice(0, r)];
      const items = order.map(([family, title, url], i): ClusterInput & { family: string } => ({ id: `w${i}`, family, title, url, source: `src-${title}`, published: 1_000 + i * 1_000 }));
      const out = clusterItems(items);
      const byStory = new Map<string, typeof items>();
      for (const it of items) byStory.set(out.get(it.id)!, [...(byStory.get(out.get(it.id)!) ?? []), it]);
      for (const group of byStory.values()) {
        const titles = group.map((it) => it.title).join(' | ');
        expect(new Set(group.map((it) => it.family)).size, `rotation ${r}: ${titles}`).toBe(1);
        // Lines of one family that differ by their number are different items.
        expect(group.length, `rotation ${r}: ${titles}`).toBe(1);
      }
    }
  });

  it('keeps out a newcomer alike to one member only, not to what the members share', () => {
    const [a, b, c] = storiesOf(
      item('Quorvane Meltrix Pardelle Sintharo Vexlund'),
      item('Pardelle Sintharo Vexlund Ombreth Caskuri'),
      item('Ombreth Caskuri Drelloway Fenmarch'), // like the second only, in the words the first lacks
    );
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});
