// Shared pieces of Newsbar's benchmarks: statistics, the result table, generated news.

export interface Row {
  metric: string;
  value: string;
  baseline?: string;
  ratio?: string;
  target?: string;
  verdict?: string;
}

export interface Section {
  title: string;
  rows: Row[];
  notes?: string[];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
export const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits });

export function verdict(ok: boolean): string {
  return ok ? 'meets' : 'misses';
}

const WORDS = 'storm coast river minister election market bank rail strike museum bridge satellite orbit flood vote court summit talks ceasefire energy prices wildfire drought harvest trade tariff union vaccine hospital school budget tax police protest airport pilot rescue volcano quake tsunami climate carbon solar wind nuclear oil gas shipping port chip robot startup league final coach striker champion record'.split(' ');

/** Deterministic pseudo-random words, so every run measures the same text. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function sentence(r: () => number, n: number): string {
  const w = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]);
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ');
}

export function rssFeed(prefix: string, n: number, seed: number, now = Date.now()): string {
  const r = rng(seed);
  const items = Array.from({ length: n }, (_, i) => `<item><guid isPermaLink="false">${prefix}-${i}</guid><title>${sentence(r, 8)}</title><link>http://127.0.0.1/${prefix}/${i}?utm_source=rss</link><pubDate>${new Date(now - i * 97_000).toUTCString()}</pubDate><description>&lt;p&gt;${sentence(r, 24)}.&lt;/p&gt;</description><category>World</category></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${prefix}</title><link>http://127.0.0.1/</link>${items.join('')}</channel></rss>`;
}
