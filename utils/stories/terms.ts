// The words that identify a story, taken from an item's headline, its link's slug and its summary: folded
// words without the generic ones, plain plural endings cut, numbers kept as numbers ("#5", "#1.6").
// Pure and deterministic: the worker stores them with each item and the grouper compares only these.
import { fold, htmlToText, tokenize } from '@/utils/normalize/text';
import { STOP_WORDS } from '@/utils/search/words';

export interface StoryText { title: string; url?: string; summary?: string }
/** The words that identify a story: deterministic, plain JSON (stored per item in IndexedDB, so keep it compact: e.g. a short string[] ). */
export type StoryTerms = string[];

/** A number term starts with this, so the grouper can tell "5 dead" from "50 dead". */
export const NUMBER_MARK = '#';

/** At most this many terms per item: a headline and a slug rarely give more, and the record stays small. */
export const MAX_TERMS = 32;
/** How much of a summary is read: its first sentences say what the item is about. */
const SUMMARY_CHARS = 300;
/** At most this many terms from a summary: its names and numbers, not its every word (they would outweigh the headline). */
const SUMMARY_TERMS = 8;

/** Words every kind of story uses (news-site furniture, reporting verbs, time words): they say nothing about which story. */
const GENERIC = new Set(
  ('i me my we you your him them us there here then now just all any some no yes so if do does did done doing ' +
    'can could may might must shall should get gets got getting make makes made take takes took go goes went come comes came ' +
    'how why where whose whom one two first last next back out off into onto upon via per than too very much many most ' +
    'other another such only own same each few both before during while since until against between under again further ' +
    'once day days week weeks year years time today tonight yesterday tomorrow monday tuesday wednesday thursday friday ' +
    'saturday sunday morning night am pm news breaking live update updates updated video videos photo photos picture pictures ' +
    'watch report reports reported say said says told tell tells according amid know see sees look looks ' +
    'way ways thing things people latest story stories article articles read full top big good best great world ' +
    'html htm php aspx asp shtml cms www com http https index default id page ' +
    'st th nd rd vs un le la el los las des du et en di il ' +
    'dont didnt doesnt isnt arent wasnt werent wont cant couldnt shouldnt wouldnt havent hasnt')
    .split(' '),
);

export function isGeneric(word: string): boolean {
  return STOP_WORDS.has(word) || GENERIC.has(word);
}

/**
 * Plain endings cut, so one word's forms meet: "drones" and "drone", "cries" and "cried" and "cry", "launches"
 * and "launched" and "launching", "eliminates" and "eliminated". Not a full stemmer: every word is cut the same
 * way, which is all a comparison needs.
 */
export function stem(w: string): string {
  let x = w;
  if (x.length > 4 && x.endsWith('ies')) x = `${x.slice(0, -3)}y`;
  else if (x.length > 4 && /(ch|sh|x|ss|z)es$/.test(x)) x = x.slice(0, -2);
  else if (x.length > 3 && x.endsWith('s') && !/(ss|us|is|os)$/.test(x)) x = x.slice(0, -1);
  if (x.length > 4 && x.endsWith('ied')) x = `${x.slice(0, -3)}y`;
  else if (x.endsWith('ing') && stemBase(x.slice(0, -3))) x = x.slice(0, -3);
  else if (x.endsWith('ed') && stemBase(x.slice(0, -2))) x = x.slice(0, -2);
  if (x !== w && /([b-df-hj-np-tv-z])\1$/.test(x) && !/(ll|ss|zz)$/.test(x)) x = x.slice(0, -1); // "stopped", "running"
  if (x.length > 4 && x.endsWith('e')) x = x.slice(0, -1);
  return x;
}

/** Whether what is left once an ending is cut is still a word: "spring" and "speed" stay whole. */
function stemBase(b: string): boolean {
  return b.length >= 4 && /[aeiouy]/.test(b);
}

// A number as one unit: "1,500" and "1500" are one number, "1.6" is not "1" and "6". Numbers joined by a
// dash are one too: a score or a range ("2-0", "2013-14") is not its parts, and "2-0" shares nothing with "0".
// Digits joined to letters ("Q1", "MH370", "14th") are a name, left to the words.
const NUMBER = /(?<![\p{L}\d])\d+(?:[.,]\d+)*(?:[-–]\d+(?:[.,]\d+)*)*(?![\p{L}\d])/gu;

function numberPart(raw: string): string {
  const n = /^\d{1,3}(,\d{3})+$/.test(raw) ? raw.replace(/,/g, '') : raw.replace(/,/g, '.');
  return n.replace(/^0+(?=\d)/, '');
}

function numberTerm(raw: string): string {
  return NUMBER_MARK + raw.split(/[-–]/).map(numberPart).join('-');
}

/** The folded text, with possessives and negations gone: "Google's" is "Google"; "didn't" says nothing about a story. */
function clean(text: string): string {
  return fold(text).replace(/['’]s\b/g, '').replace(/\b\w+n['’]t\b/g, ' ');
}

/** A word's term, or '' for a generic word. */
function wordTerm(w: string): string {
  if (w.length < 2 || isGeneric(w)) return '';
  const s = stem(w);
  return isGeneric(s) ? '' : s;
}

/** The terms of a headline: its numbers (kept whole), then its words, in order. */
function titleTerms(title: string, out: string[]): void {
  const folded = clean(title);
  for (const m of folded.matchAll(NUMBER)) out.push(numberTerm(m[0]));
  for (const w of tokenize(folded.replace(NUMBER, ' '))) {
    const t = wordTerm(w);
    if (t) out.push(t);
  }
}

/**
 * The named things and numbers of a summary: its numbers, and its words written with a capital inside a
 * sentence (people, places, organisations), which name the event where a summary's other words describe it.
 */
function summaryTerms(summary: string, out: string[]): void {
  const text = htmlToText(summary).slice(0, SUMMARY_CHARS);
  const found: string[] = [];
  for (const m of clean(text).matchAll(NUMBER)) found.push(numberTerm(m[0]));
  for (const m of text.matchAll(/(?<![.!?:]\s+|^)\b\p{Lu}[\p{L}\p{N}]+/gu)) {
    for (const w of tokenize(clean(m[0]))) {
      const t = wordTerm(w);
      if (t) found.push(t);
    }
  }
  out.push(...[...new Set(found)].slice(0, SUMMARY_TERMS));
}

/**
 * The words of the link's slug: the path segment that reads most like a headline ("google-buys-titan-aerospace"),
 * which often holds the full headline where the title was cut. Bare numbers there are dates and ids, so they are left out.
 */
const SLUGGY = /[-_+].*[-_+]|%20.*%20/;

export function slugWords(url: string): string[] {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  let best: string[] = [];
  for (const seg of path.split('/')) {
    if (!SLUGGY.test(seg)) continue; // fewer than three words: not a slug
    let text = seg.replace(/\.[a-z0-9]{2,5}$/i, '');
    try {
      text = decodeURIComponent(text);
    } catch {
      // a broken escape: read it as it is
    }
    // Words and names with a few digits ("mh370", "q1"); dates and ids (all digits, or many) say nothing.
    const words = tokenize(fold(text)).filter((w) => w.length > 1 && /\p{L}/u.test(w) && !/\d{5}/.test(w) && w.replace(/\D/g, '').length <= 4);
    if (words.length >= 3 && words.length > best.length) best = words;
  }
  return best;
}

/** A headline cut short by its source ends in "..." (or "…"): the cut is dropped. */
function uncut(title: string): string {
  return title.replace(/\s*(\.\.\.|…)\s*$/, '');
}

/** An item's story terms: the headline's, then the slug's and the summary's that the headline lacks; at most MAX_TERMS. */
export function storyTerms(text: StoryText): StoryTerms {
  const out: string[] = [];
  titleTerms(uncut(text.title), out);
  if (text.url) {
    for (const w of slugWords(text.url)) {
      const t = wordTerm(w);
      if (t) out.push(t);
    }
  }
  if (text.summary) summaryTerms(text.summary, out);
  return [...new Set(out)].slice(0, MAX_TERMS);
}
