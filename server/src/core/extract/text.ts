/**
 * An article as the extractor reads it: its text without markup (with a map back to the text as
 * given, so that quotes stay verbatim), its words, its sentences, and its language. Pure functions.
 */
import { MONTHS, foldWord } from '../read/date-vocabulary';

/** The languages every reader reads: numbers, units, hedges, dates, weekdays, relative words. */
export const READ_LANGUAGES = ['en', 'de', 'es', 'it', 'fr', 'tr', 'el', 'ar', 'pl', 'hu', 'sw'] as const;

export interface Plain {
  /** The text with HTML tags taken out (entities are kept as written). */
  text: string;
  /** The offset in the text as given of each offset of `text` (one more entry for its end). */
  toOriginal: (offset: number) => number;
}

const TAG = /<\/?[A-Za-z][^<>]{0,2000}>/g;

/** The text without HTML tags ("<a href=…>Captagon pills</a>" reads "Captagon pills"), with its offset map. */
export function plainText(original: string): Plain {
  if (!original.includes('<')) return { text: original, toOriginal: (o) => o };
  const pieces: string[] = [];
  /** Pairs [plain offset where a kept run starts, original offset of that run]. */
  const runs: [number, number][] = [];
  let last = 0;
  let plainLength = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(original); m; m = TAG.exec(original)) {
    if (m.index > last) {
      runs.push([plainLength, last]);
      pieces.push(original.slice(last, m.index));
      plainLength += m.index - last;
    }
    last = m.index + m[0].length;
  }
  runs.push([plainLength, last]);
  pieces.push(original.slice(last));
  const text = pieces.join('');
  const toOriginal = (offset: number) => {
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid][0] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return runs[lo][1] + (offset - runs[lo][0]);
  };
  return { text, toOriginal };
}

// ---------------------------------------------------------------------------------------------
// Words

export interface Word {
  /** Folded (lower case, no diacritics, Arabic letters that vary made one). */
  text: string;
  /** As written. */
  raw: string;
  start: number;
  end: number;
  kind: 'word' | 'num' | 'punct';
}

const WORD_RE = /(\d+(?:[.,]\d+)*)|([\p{L}\p{M}\u0640]+(?:['’][\p{L}\p{M}]+)?)|(\S)/gu;

/** The words, numbers and punctuation of a text, in order. */
export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  const slice = text.slice(from, to);
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(slice); m; m = WORD_RE.exec(slice)) {
    const kind = m[1] ? 'num' : m[2] ? 'word' : 'punct';
    const raw = m[0];
    out.push({ kind, raw, text: kind === 'word' ? foldWord(raw.replace(/’/g, "'")) : raw, start: from + m.index, end: from + m.index + raw.length });
  }
  return out;
}

/** Index of the first word that starts at or after `offset` (words.length when none does). */
export function wordIndexAt(words: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first word that ends after `offset`: the word holding it, or the next one (words.length when none does). */
export function wordAt(words: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Sentences

export interface Sentence {
  /** Offsets in the plain text. */
  start: number;
  end: number;
  text: string;
  /** Position in the article, from 0. */
  index: number;
  /** The line (paragraph) it is on, from 0. */
  line: number;
  /** The first line when it reads as a headline: no closing full stop, short, more text after it. */
  headline: boolean;
}

/** The sentence holding an offset, by binary search (sentences are in text order and do not overlap). */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Abbreviations that end with a full stop inside a sentence ("Brig. Gen.", "Nov. 16", "Lt Gen."). */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen brig lt col maj capt sgt st jr sr no nos vs etc inc ltd co corp gov sen rep ave jan feb mar apr jun jul aug sep sept oct nov dec approx ca cf eg ie al fig ref art nr bzw ca dh usw vgl sr sra avda pág dott ing sig ss av mme mlle env hz vb gr kg km'.split(' '),
);

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»', '“']);

/** Whether a full stop at `i` ends a sentence: not after an abbreviation, an initial or inside a number. */
function endsSentence(line: string, i: number): boolean {
  const ch = line[i];
  let j = i + 1;
  while (j < line.length && CLOSERS.has(line[j])) j++;
  if (j >= line.length) return true;
  if (!/\s/.test(line[j])) return false;
  let k = j;
  while (k < line.length && /\s/.test(line[k])) k++;
  if (k >= line.length) return true;
  const next = line[k];
  if (ch !== '.') return true;
  // An ordinal day before its month ("am 12. Februar", "13. června", "5. Dezember"): one sentence.
  if (/(?:^|[^\d.,])(?:[1-9]|[12]\d|3[01])$/.test(line.slice(Math.max(0, i - 3), i)) && isMonthName(/^[\p{L}]+/u.exec(line.slice(k))?.[0] ?? '')) return false;
  // A lower-case letter after a full stop continues the sentence ("approx. two").
  if (/\p{Ll}/u.test(next)) return false;
  const before = /([\p{L}]+)\.?$/u.exec(line.slice(Math.max(0, i - 12), i));
  const word = before ? before[1].toLowerCase() : '';
  if (word.length === 1 && /\p{Lu}/u.test(before![1])) return false; // initials: "A.A. (22", "K.C.'nin"
  if (ABBREVIATIONS.has(word)) return false;
  return true;
}

/** Whether a word is a month's name in a language the readers read. */
function isMonthName(word: string): boolean {
  const w = foldWord(word);
  return w.length > 2 && Object.values(MONTHS).some((t) => t.has(w));
}

const TERMINATORS = new Set(['.', '!', '?', '؟', '।', '…']);

/** The sentences of a plain text: lines are paragraphs; inside a line, a full stop, "!" or "?" ends one. */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  let line = 0;
  const lines = text.split(/\r\n|\r|\n/);
  for (const raw of lines) {
    let start = 0;
    for (let i = 0; i < raw.length; i++) {
      if (!TERMINATORS.has(raw[i]) || !endsSentence(raw, i)) continue;
      let end = i + 1;
      while (end < raw.length && CLOSERS.has(raw[end])) end++;
      push(out, text, lineStart + start, lineStart + end, line);
      start = end;
    }
    push(out, text, lineStart + start, lineStart + raw.length, line);
    lineStart += raw.length + (text.startsWith('\r\n', lineStart + raw.length) ? 2 : 1);
    line++;
  }
  // The first line is a headline when it does not end like a sentence and is short, with text after it.
  const first = out[0];
  if (first && out.length > 1 && first.line === 0 && out[1].line > 0 && !/[.!?؟"”»]$/.test(first.text) && first.text.split(/\s+/).length <= 25) first.headline = true;
  return out;
}

function push(out: Sentence[], text: string, start: number, end: number, line: number) {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end - start < 2 || !/[\p{L}\p{N}]/u.test(text.slice(start, end))) return;
  out.push({ start, end, text: text.slice(start, end), index: out.length, line, headline: false });
}

// ---------------------------------------------------------------------------------------------
// Language

/** The commonest short words of each language the readers read (folded), to tell which one a text is in. */
const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set('the of and to in was were is are said has have with from for that by on at which it an this'.split(' ')),
  de: new Set('der die das und mit von wurde wurden ist sind den im dem des ein eine nicht auch sich auf für bei zu'.split(' ')),
  es: new Set('el la los las de del en y que por con una un se ha han para al lo como su sus fue'.split(' ')),
  it: new Set('il la di che e per del della sono una un gli nel nella dei delle da con ha è al alla lo le'.split(' ')),
  fr: new Set('le la les de des du et en un une est dans au aux pour par sur qui que avec ont été ce'.split(' ')),
  tr: new Set('ve bir bu ile için da de olarak edildi oldu olan gibi ise kadar daha çok ele adet ilk'.split(' ')),
  pl: new Set('i w z na się do że nie jest został została od po przez oraz a o to dla'.split(' ')),
  hu: new Set('a az és hogy egy nem is meg volt van már mint csak de ki be el után'.split(' ')),
  sw: new Set('na ya wa za kwa la katika ni cha vya kwamba hiyo huo alisema wakati'.split(' ')),
};

/** The commonest words of Latin-script languages the readers do not read: a text in one of them is not read. */
const UNREAD_WORDS: Record<string, ReadonlySet<string>> = {
  nl: new Set('de het een van en in is op te dat niet zijn voor met ook bij werd heeft hebben naar uit aan door om'.split(' ')),
  pt: new Set('os as do da em um uma que não com para foi dos das no na ao pelo pela'.split(' ')),
  ro: new Set('și în din care pe cu la fost să sunt mai au după pentru este'.split(' ')),
};

export type LanguageGuess = { language: string; read: boolean } | undefined;

/**
 * The language of a text, by its script and its commonest words: one the readers read, or another
 * (`read: false`: Cyrillic, Hebrew, Persian, Chinese…), or undefined when nothing tells.
 */
export function detectLanguage(text: string): LanguageGuess {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (!letters) return undefined;
  const share = (re: RegExp) => (letters.match(re)?.length ?? 0) / letters.length;
  if (share(/[\u0600-\u06FF]/g) > 0.5) return share(/[پچژگکی]/g) > 0.01 ? { language: 'fa', read: false } : { language: 'ar', read: true };
  if (share(/[\u0370-\u03FF\u1F00-\u1FFF]/g) > 0.5) return { language: 'el', read: true };
  if (share(/[\u0400-\u04FF]/g) > 0.5) return { language: 'ru', read: false };
  if (share(/[\u0590-\u05FF]/g) > 0.5) return { language: 'he', read: false };
  if (share(/[\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]/g) > 0.3) return { language: 'zh', read: false };
  if (share(/[a-zA-Z\u00C0-\u024F]/g) < 0.5) return undefined;
  const counts = new Map<string, number>();
  let total = 0;
  for (const w of text.toLowerCase().match(/[\p{L}]+/gu) ?? []) {
    total++;
    for (const [lang, set] of [...Object.entries(FUNCTION_WORDS), ...Object.entries(UNREAD_WORDS)]) if (set.has(w)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, bestN] = ranked[0] ?? [undefined, 0];
  const alone = ranked.length === 1;
  // A Latin-script text whose words are none of these languages' (Romanian, Dutch, Portuguese…).
  if (!best || (bestN < Math.max(2, total * 0.08) && !(alone && bestN >= 1 && total < 12))) return total >= 8 ? { language: 'und', read: false } : undefined;
  return { language: best, read: best in FUNCTION_WORDS };
}

/** Whether the readers read a language (BCP 47 tag; its primary subtag decides). */
export function isReadLanguage(language: string): boolean {
  return (READ_LANGUAGES as readonly string[]).includes(language.toLowerCase().split(/[-_]/)[0]);
}
