/**
 * The agencies of the registry an article names, with the role the words around them give.
 * Pure functions.
 */
import type { AgencyEntry } from '../model/dataset';
import { foldWord } from '../read/date-vocabulary';
import { hasStemAt } from './dates';
import { ANNOUNCE_STEMS } from './lexicon';
import type { Word } from './text';

/**
 * The agencies of the registry named in the article (by name, short name or alias) in the sentences
 * about the seizure: announcing when a verb of saying follows the name, supporting when it is a
 * partner ("in close co-operation with …"), else seizing (the first) or supporting.
 */
export function findAgencies(words: readonly Word[], agencies: Iterable<AgencyEntry>, relevant: (offset: number) => boolean): { id: string; role: string }[] {
  const names: { words: string[]; id: string }[] = [];
  for (const a of agencies) {
    const all = [a.name, a.short_name, ...((a as { aliases?: string[] }).aliases ?? [])].filter((x): x is string => typeof x === 'string' && x.length >= 4);
    for (const n of all) {
      const w = foldWord(n.replace(/\([^)]*\)/g, ' '))
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      if (w.length >= 2 || (w.length === 1 && w[0].length >= 4 && n === n.toUpperCase())) names.push({ words: w, id: a.id });
    }
  }
  names.sort((a, b) => b.words.length - a.words.length);
  const out: { id: string; role: string }[] = [];
  const content = words.map((w, i) => ({ w, i })).filter(({ w }) => w.kind === 'word');
  const texts = content.map(({ w }) => w.text.replace(/['’].*$/, ''));
  for (let c = 0; c < content.length; c++) {
    for (const n of names) {
      if (!n.words.every((x, k) => texts[c + k] === x)) continue;
      const first = content[c].i;
      const last = content[c + n.words.length - 1].i;
      if (relevant(words[first].start) && !out.some((o) => o.id === n.id)) {
        const after = words.slice(last + 1, last + 5);
        const before = words.slice(Math.max(0, first - 5), first);
        const announces = after.some((_, k) => hasStemAt(words, last + 1 + k, ANNOUNCE_STEMS)) || /according to|quoted|cited/i.test(before.map((w) => w.raw).join(' '));
        const partner = before.some((w) => /^(?:co-?operation|coordination|collaboration|assistance|partnership|support)$/i.test(w.raw)) || before.some((w, k) => w.raw === 'operation' && before[k - 2]?.raw === 'co');
        const role = announces ? 'announcing' : partner || out.some((o) => o.role === 'seizing') ? 'supporting' : 'seizing';
        out.push({ id: n.id, role });
      }
      c += n.words.length - 1;
      break;
    }
  }
  return out;
}
