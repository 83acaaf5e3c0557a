/**
 * The place of the seizure, decided from the evidence the article gives (places.ts): a place named
 * where the drugs were seized wins; else each piece of evidence weighs by its kind and where it is.
 * Pure functions.
 */
import { foldWord } from '../read/date-vocabulary';
import { type Subdivision, subdivisionsOf } from '../read/places';
import { hasStemAt } from './dates';
import { SEIZE_STEMS } from './lexicon';
import type { PlaceEvidence } from './places';
import type { ReviewItem } from './extract';
import { type Sentence, type Word, sentenceAt } from './text';

export interface LocationChoice {
  country?: string;
  admin1?: string;
  place?: string;
  why?: string;
  evidence?: PlaceEvidence[];
}

/**
 * The country of the seizure. Each piece of evidence weighs: an agency, an authority's nationality,
 * a province or a town 3, a country's name 2, an adjective 1; 3 more for a place named with "in" or
 * "at" in a clause that seizes or holds the figure; twice as much in the sentences of the figures and
 * the date; a quarter for a partner of the operation; nothing for places of the route, datelines,
 * nationalities of people, the far side of a border, and sentences about other seizures. The country is left empty unless one
 * scores 3 or more and half as much again as the next.
 */
export function chooseLocation(
  places: readonly PlaceEvidence[],
  sentences: readonly Sentence[],
  words: readonly Word[],
  focus: ReadonlySet<Sentence>,
  ignore: ReadonlySet<Sentence>,
  chosenAt: readonly number[],
  review: ReviewItem[],
): LocationChoice {
  const scores = new Map<string, { score: number; evidence: PlaceEvidence[] }>();
  for (const e of places) {
    if (e.route || e.nationality || e.dateline || e.border || e.otherSeizure) continue;
    const s = sentenceAt(sentences, e.start);
    if (!s || ignore.has(s)) continue;
    let w = e.kind === 'name' ? 2 : e.kind === 'adjective' ? 1 : 3;
    // "in Syria" in a clause that neither seizes nor holds the figure ("an amphetamine popular among
    // fighters in Syria") places something else: a country's name there weighs half.
    // Not so at the head of the sentence ("In Spain, a 13-ton haul … has been captured").
    if (e.located) w = clauseSeizes(words, e.first, s, chosenAt) ? w + 3 : e.kind === 'name' && !fronted(words, e.first, s) ? w / 2 : w;
    if (e.partner) w /= 4;
    if (focus.has(s)) w *= 2;
    const entry = scores.get(e.country) ?? { score: 0, evidence: [] };
    entry.score += w;
    entry.evidence.push(e);
    scores.set(e.country, entry);
  }
  // "seized … in Syria's capital", "at Beirut port": a place in a clause that seizes, in the sentence of
  // the figures, says where, whoever the authorities are (an Iraqi unit raiding in Damascus).
  const focusOf = (e: PlaceEvidence): Sentence | undefined => {
    const s = sentenceAt(sentences, e.start);
    return s && focus.has(s) ? s : undefined;
  };
  const direct = new Set(places.filter((e) => e.located && !e.route && !e.partner && !e.dateline && !e.nationality && !e.border && !e.otherSeizure && focusOf(e) && clauseSeizes(words, e.first, focusOf(e)!, chosenAt)).map((e) => e.country));
  if (direct.size === 1) {
    const country = [...direct][0];
    const entry = scores.get(country);
    if (entry) scores.set(country, { score: entry.score + 1000, evidence: entry.evidence });
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score);
  if (ranked.length === 0) {
    review.push({ pointer: '/location/country', message: 'The article names no country, province or town of the seizure: country is null.' });
    return {};
  }
  const [best, second] = ranked;
  if (best[1].score < 3 || (second && second[1].score * 1.5 > best[1].score)) {
    review.push({ pointer: '/location/country', message: `The country is not clear: ${ranked.slice(0, 3).map(([c, v]) => `${c} (${v.evidence.map((e) => `"${e.text}"`).join(', ')})`).join(' or ')}; country is null.` });
    return {};
  }
  const evidence = best[1].evidence.sort((a, b) => Number(b.located) - Number(a.located) || rankOf(b) - rankOf(a));
  const admins = new Map<string, Subdivision>();
  // The province of a place that seizes ("an operation in Homs province") before any other named.
  const directAdmins = evidence.filter((e) => e.admin1 && direct.has(e.country) && e.located && focusOf(e) && clauseSeizes(words, e.first, focusOf(e)!, chosenAt));
  for (const e of directAdmins.length ? directAdmins : evidence) {
    if (!e.admin1 || e.partner) continue;
    const top = e.admin1.parent ? (subdivisionByCode(e.country, e.admin1.parent) ?? e.admin1) : e.admin1;
    admins.set(top.code, top);
  }
  const admin1 = admins.size === 1 ? [...admins.values()][0].name : undefined;
  const towns = new Set(evidence.filter((e) => e.town).map((e) => e.town!));
  const first = evidence[0];
  return {
    country: best[0],
    admin1,
    place: towns.size === 1 ? [...towns][0] : undefined,
    why: `${first.located ? 'placed by' : first.kind === 'authority' || first.kind === 'agency' ? 'the authorities are' : 'named'} "${first.text}"`,
    evidence,
  };
}

const rankOf = (e: PlaceEvidence) => ({ agency: 4, authority: 4, town: 3, province: 3, name: 2, adjective: 1 })[e.kind];

/** Whether the clause of word i (commas and relative pronouns end clauses) seizes or holds a chosen figure. */
function clauseSeizes(words: readonly Word[], i: number, s: Sentence, chosenAt: readonly number[]): boolean {
  const stop = (w: Word) => (w.kind === 'punct' && [',', ';', '(', ')', '–', '—'].includes(w.raw)) || (w.kind === 'word' && RELATIVES.has(w.text));
  let a = i;
  while (a > 0 && words[a - 1].start >= s.start && !stop(words[a - 1])) a--;
  let b = i;
  while (b + 1 < words.length && words[b + 1].end <= s.end && !stop(words[b + 1])) b++;
  for (let k = a; k <= b; k++) if (hasStemAt(words, k, SEIZE_STEMS)) return true;
  return chosenAt.some((o) => o >= words[a].start && o < words[b].end);
}

/** Whether a place is named at the head of its sentence, by its first words ("In Spain, …"). */
function fronted(words: readonly Word[], i: number, s: Sentence): boolean {
  let k = i - 1;
  while (k >= 0 && words[k].start >= s.start && words[k].kind === 'word' && i - k <= 4) k--;
  return k < 0 || words[k].start < s.start;
}

/** Words that open a relative clause: what is placed there is not the seizure ("which is believed to play a part in Syria's war"). */
const RELATIVES = new Set(['which', 'who', 'whose', 'whom', 'welche', 'welcher', 'welches', 'cual', 'cuales', 'cui', 'dont', 'που', 'οποια', 'οποιο', 'ktory', 'ktora', 'ktore', 'amely', 'aki', 'ambayo', 'الذي', 'التي'].map(foldWord));


function subdivisionByCode(country: string, code: string): Subdivision | undefined {
  return subdivisionsOf(country).find((s) => s.code === code);
}
