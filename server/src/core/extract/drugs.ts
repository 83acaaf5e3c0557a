/**
 * The drugs an article names, by the registry's ids, names and aliases in any language ("Captagon",
 * "kaptagon-tabletta", "Captagontabletten", "hachís", "كبتاجون"), the longest name winning ("cannabis
 * resin" is hashish, "cannabis" alone is herbal cannabis). Registry entries of category `unspecified`
 * ("drugs", "narcotic pills") name no particular drug: they are found as generic mentions.
 */
import type { DrugEntry } from '../model/dataset';
import { foldWord } from '../read/date-vocabulary';
import type { Word } from './text';

export interface DrugMention {
  drug: string;
  /** The entry names no particular drug (category `unspecified`). */
  generic: boolean;
  /** Offsets of the words in the text. */
  start: number;
  end: number;
  /** Word indexes of the first and last word. */
  first: number;
  last: number;
}

interface Name {
  words: string[];
  drug: string;
  generic: boolean;
}

/** Count nouns a name may be written after, with "of": "tablets of amphetamine" = "amphetamine tablets". */
const COUNT_NOUNS = new Set(['pills', 'tablets', 'capsules', 'pill', 'tablet']);

/** Words after a drug's name that make it a description of another ("amphetamine-type stimulant"). */
const DESCRIPTORS = new Set(['type', 'like', 'based', 'class', 'related', 'tipo', 'typ', 'artige', 'benzeri']);

/** Names of one word this long or longer also name a word they begin ("captagonun", "captagontabletten"). */
const PREFIX_MIN = 5;

export interface DrugMatcher {
  /** Every mention in `words`, none overlapping, in order. */
  find(words: readonly Word[]): DrugMention[];
  /** The registry entry of a drug id. */
  entry(id: string): DrugEntry | undefined;
}

const nameWords = (s: string) =>
  foldWord(s.replace(/\([^)]*\)/g, ' '))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

export function drugMatcher(drugs: Iterable<DrugEntry>): DrugMatcher {
  const byFirst = new Map<string, Name[]>();
  const prefixes: Name[] = [];
  const entries = new Map<string, DrugEntry>();
  const add = (text: string, entry: DrugEntry) => {
    const w = nameWords(text);
    if (w.length === 0) return;
    const name: Name = { words: w, drug: entry.id, generic: entry.category === 'unspecified' };
    const list = byFirst.get(w[0]) ?? [];
    list.push(name);
    byFirst.set(w[0], list);
    if (w.length === 1 && w[0].length >= PREFIX_MIN && !name.generic) prefixes.push(name);
  };
  for (const e of drugs) {
    entries.set(e.id, e);
    add(e.id.replace(/[-_]/g, ' '), e);
    add(e.name, e);
    // "Hashish (cannabis resin)": the words in brackets are a name too.
    for (const m of e.name.matchAll(/\(([^)]+)\)/g)) add(m[1], e);
    for (const a of e.aliases ?? []) add(a, e);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

  const matchAt = (words: readonly Word[], i: number): { name: Name; len: number } | undefined => {
    const w = words[i];
    if (w.kind !== 'word') return undefined;
    for (const form of forms(w.text)) {
      for (const name of byFirst.get(form) ?? []) {
        let ok = true;
        for (let k = 1; k < name.words.length && ok; k++) ok = words[i + k]?.text === name.words[k];
        if (ok) return { name, len: name.words.length };
      }
      for (const name of prefixes) if (form.startsWith(name.words[0]) && form.length > name.words[0].length) return { name, len: 1 };
    }
    return undefined;
  };

  return {
    entry: (id) => entries.get(id),
    find(words) {
      const out: DrugMention[] = [];
      for (let i = 0; i < words.length; i++) {
        let m = matchAt(words, i);
        if (!m) continue;
        // "tablets of amphetamine": try the name written before the count noun ("amphetamine tablets").
        const noun = words[i - 2];
        if (words[i - 1]?.text === 'of' && noun && COUNT_NOUNS.has(noun.text)) {
          const inverted = [...m.name.words, noun.text].join(' ');
          for (const name of byFirst.get(m.name.words[0]) ?? []) if (name.words.join(' ') === inverted) m = { name, len: m.len };
        }
        const end = i + m.len - 1;
        // "the amphetamine-type stimulant captagon", "cocaine-like": a description, not the drug.
        const next = words[end + 1];
        const after = next?.raw === '-' ? words[end + 2] : next;
        if (after && after.kind === 'word' && DESCRIPTORS.has(after.text) && (next.raw === '-' || next.start === words[end].end)) {
          i = end;
          continue;
        }
        out.push({ drug: m.name.drug, generic: m.name.generic, start: w0(words, i).start, end: words[end].end, first: i, last: end });
        i = end;
      }
      return out;
    },
  };
}

/** A word as written, and an Arabic word without the article and the clitics before it ("والكبتاجون" → "كبتاجون"). */
function forms(word: string): string[] {
  const c = word.charCodeAt(0);
  if (c < 0x0600 || c > 0x06ff) return [word];
  const bare = word.replace(/^(?:[وفب]?ال|[وفبل]ل?)/, '');
  return bare !== word && bare.length >= 3 ? [word, bare] : [word];
}

const w0 = (words: readonly Word[], i: number) => words[i];
