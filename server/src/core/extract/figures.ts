/**
 * The figures of an article: every number the readers find, sorted into counts of pills and of
 * packages, weights, arrests and street values, with the drug each one is about, its hedge and its
 * words; then, per drug, the figure that is the seizure and why, the others kept as candidates:
 *
 * - a sum over a period or over many seizures ("10.715 million tablets in a four-month period"), one
 *   item's share ("each … about 10,000 pills"), a multiplier ("three times") and a unit conversion in
 *   brackets ("1,452 kilograms (3,200 pounds)") are not the seizure;
 * - figures that add up to another are its parts ("7 milyon 326 bin" + "3 milyon 600 bin" =
 *   "toplam 10 milyon 926 bin");
 * - writings of one quantity ("more than 5.3 million" and "5,383,400") are one candidate, written by
 *   its most precise figure (the same value hedged and not: the hedged one);
 * - among the rest, a weight that makes a plausible tablet mass with the count comes first, then a
 *   figure whose sentence is not dated weeks before the article, then one named with its drug, then one in the body (not the headline), then the most precise,
 *   then one said to be the total, then the first.
 *
 * Pure functions over the plain text.
 */
import { type NumberReading, readNumbers } from '../read/numbers';
import { KG_PER_UNIT } from '../read/units';
import { unitOf } from '../read/number-context';
import type { Qualifier } from '../model/event';
import type { DrugMatcher, DrugMention } from './drugs';
import { AGGREGATE_RES, EACH_WORDS, ONE_OF_RES, SO_FAR_RES, SUPERLATIVE, GENERIC_DRUG_WORDS, ITEM_NOUNS, PACKAGE_NOUNS, TIMES_WORDS, TOTAL_WORDS, ARREST_STEMS, CURRENCIES } from './lexicon';
import { type Sentence, type Word, sentenceAt, wordAt } from './text';
import { foldWord } from '../read/date-vocabulary';

export type Slot = 'count' | 'weight' | 'arrests' | 'street_value';

export interface Candidate {
  slot: Slot;
  value: number;
  /** tablets (pills), packs (packages) or persons; kg, t, ton, g, lb for weights. */
  unit?: string;
  currency?: string;
  qualifier: Qualifier;
  /** Offsets (plain text) of the words that state it: hedge, number, unit and the noun. */
  start: number;
  end: number;
  sentence: Sentence;
  /** The drug it is about, and how that is known: the words name it, the sentence does, or the article. */
  drug?: string;
  attach: 'named' | 'generic' | 'sentence' | 'article' | 'none';
  /** The figure is in kilograms once converted (weights). */
  kg?: number;
  /** Significant digits of the value: 5,383,400 has 5, "5.3 million" 2. */
  digits: number;
  /** Words say it is the total ("a total of", "insgesamt", "toplam"). */
  total: boolean;
  /** Why it is not this seizure's figure: a sum over a period or many seizures, one item's share, a conversion… */
  not?: string;
  /** The figures it is the sum of, when it is one. */
  parts?: Candidate[];
  /** It is a part of another figure (the label is the part's words). */
  partOf?: Candidate;
  /** It is the part of an operation in one country (the country's code), with no total given. */
  placePart?: string;
  /** The number was read two ways (separators) and nothing decides: never chosen. */
  ambiguous?: boolean;
  /** Words of a count: pills, packages, items. */
  counts?: 'pills' | 'packages' | 'items';
  /** The word after the number that says what it counts ("pills", "people"), folded. */
  noun?: string;
  /** Its sentence dates it a week or more before the article: another, earlier seizure ("On January 15, … had seized"). */
  background?: boolean;
  /** Introduced as more of it: "a further 5,281,250", "weitere 324 Kilo", "another". */
  further?: boolean;
  /** A sum over a period or several seizures by the words of its own clause, not only of its sentence. */
  sumInClause?: boolean;
  /** The words that make it a count so far or of one part ("so far", "in one of three containers"). */
  interim?: string;
  /** What it is a quantity of, when the registry does not know the word ("129 kilogram esrar"): no drug of the article's. */
  unknownNoun?: string;
}

export interface FigureScan {
  candidates: Candidate[];
}

const round = (n: number) => Math.round(n * 1e9) / 1e9;

/** Significant digits of a value: 5383400 → 5, 5300000 → 2, 1.45 → 3, 20140 → 4. */
export function significantDigits(n: number): number {
  if (!Number.isFinite(n) || n === 0) return 1;
  const s = String(Math.abs(round(n)));
  const [i, f = ''] = s.split('.');
  if (f) return (i.replace(/^0+/, '') + f).replace(/^0+/, '').length;
  return i.replace(/0+$/, '').length || 1;
}

/** The place value of a figure's last significant digit: 5.3 million → 100,000; 3,225 → 1. */
function lastPlace(n: number, digits: number): number {
  if (n === 0) return 1;
  return 10 ** (Math.floor(Math.log10(Math.abs(n))) - digits + 1);
}

/** The words of a sentence, by word index range, as one folded string. */
const folded = (words: readonly Word[]) => words.map((w) => w.text).join(' ');

export interface FigureContext {
  text: string;
  language: string | undefined;
  sentences: readonly Sentence[];
  /** Every word of the plain text. */
  words: readonly Word[];
  drugs: DrugMatcher;
  mentions: readonly DrugMention[];
  /** The mentions by the index of their first word, and of their last. */
  mentionAt: ReadonlyMap<number, DrugMention>;
  mentionEnding: ReadonlyMap<number, DrugMention>;
  /** Offsets covered by date expressions: numbers there are days and years, not figures. */
  dateSpans: readonly [number, number][];
  /** Offsets of words about another seizure ("another raid, when 1.1 tons …"): figures there are not this one's. */
  otherSpans?: readonly [number, number][];
  /** The number readings (readFigures), when already read. */
  readings?: ReturnType<typeof readFigures>['readings'];
}

/** Index of the first word at or after an offset. */
/**
 * The readings worth keeping, one per place in the text: the longest reading wins over those it
 * contains ("1 ton 831 kilogram" over "831 kilogram"); English "tons" (metric or short) become one
 * reading in `ton`; a run read two ways is kept once, marked ambiguous.
 */
function mergeReadings(readings: readonly NumberReading[]): (NumberReading & { unitWord?: string })[] {
  const byStart = new Map<number, NumberReading[]>();
  for (const r of readings) {
    const list = byStart.get(r.start) ?? [];
    list.push(r);
    byStart.set(r.start, list);
  }
  const out: (NumberReading & { unitWord?: string })[] = [];
  for (const list of byStart.values()) {
    const end = Math.max(...list.map((r) => r.end));
    const longest = list.filter((r) => r.end === end);
    const first = longest[0];
    const units = new Set(longest.map((r) => r.unit));
    const reading: NumberReading & { unitWord?: string } = { ...first };
    if (units.has('t') && units.has('short_ton')) reading.unitWord = 'ton';
    if (longest.some((r) => r.ambiguous) && new Set(longest.map((r) => r.value)).size > 1 && !(units.has('t') && units.has('short_ton'))) reading.ambiguous = true;
    out.push(reading);
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop readings inside a longer one (the parts of a compound mass).
  const kept: typeof out = [];
  for (const r of out) {
    const outer = kept.find((k) => k.start <= r.start && k.end >= r.end && (k.end - k.start > r.end - r.start));
    if (!outer) kept.push(r);
  }
  return kept;
}

/** The number readings of a text, one per place, and the figures written twice (digits and words) read as one. */
export function readFigures(text: string, language: string | undefined): { readings: ReturnType<typeof mergeReadings>; twice: [number, number][] } {
  return writtenTwice(mergeReadings(readNumbers(text, language)), text);
}

/**
 * A figure written in digits and in words, one in brackets beside the other ("(1908) واحد طن
 * وتسعمائة وثمانية كيلو جرام", "τρία εκατομμύρια, εκατόν είκοσι επτά χιλιάδες, τριακόσια εξήντα
 * (3.127.360) δίσκια"), is one figure: its digits, which the number words (read in pieces, or
 * misread) only repeat, with the unit the words give. Returns the readings and the spans so joined
 * (a bracketed "(1908)" there is no year).
 */
function writtenTwice(readings: ReturnType<typeof mergeReadings>, text: string): { readings: ReturnType<typeof mergeReadings>; twice: [number, number][] } {
  type Reading = ReturnType<typeof mergeReadings>[number];
  const out: Reading[] = [];
  const twice: [number, number][] = [];
  const joins = (a: Reading, b: Reading) => /^[\s,،]*(?:and|und|et|y|e|ve|και|i|és)?\s*$/u.test(text.slice(a.end, b.start));
  for (let k = 0; k < readings.length; k++) {
    const d = readings[k];
    const inBrackets = d.kind === 'digits' && text[d.start - 1] === '(' && text[d.end] === ')';
    let words: Reading[] = [];
    if (inBrackets && readings[k + 1]?.kind === 'words' && /^\)\s*$/.test(text.slice(d.end, readings[k + 1].start))) {
      // The words after the bracket: "(1908) واحد طن وتسعمائة وثمانية كيلو جرام".
      let j = k + 1;
      words.push(readings[j]);
      while (readings[j + 1]?.kind === 'words' && joins(readings[j], readings[j + 1])) words.push(readings[++j]);
      k = j;
    } else if (inBrackets && out[out.length - 1]?.kind === 'words' && /^\s*\($/.test(text.slice(out[out.length - 1].end, d.start))) {
      // The words before it: "τρία εκατομμύρια, εκατόν είκοσι επτά χιλιάδες, τριακόσια εξήντα (3.127.360)".
      words.unshift(out.pop()!);
      while (out[out.length - 1]?.kind === 'words' && joins(out[out.length - 1], words[0])) words.unshift(out.pop()!);
    }
    if (!words.length) {
      out.push(d);
      continue;
    }
    const last = words[words.length - 1];
    // Its words from the first to the last, the brackets included: "(1908) واحد طن …", "… εξήντα (3.127.360)".
    const joined: Reading = { ...d, start: Math.min(d.start - 1, words[0].start), end: Math.max(d.end + 1, last.end) };
    joined.unit ??= [...words].reverse().find((w) => w.unit)?.unit;
    if (!d.countOf && !d.unit) {
      // What it counts: the noun after the words ("… ثلاثة ملايين … ألف قرص"), or after the bracket ("(3.127.360) δίσκια").
      const after = last.end > d.end ? last : undefined;
      joined.countOf = after?.countOf;
      joined.noun = after ? after.noun : /^\)\s*([\p{L}]+)/u.exec(text.slice(d.end))?.[1]?.toLowerCase();
    }
    const qualifier = d.qualifier ?? words[0].qualifier;
    if (qualifier) joined.qualifier = qualifier;
    twice.push([joined.start, joined.end]);
    out.push(joined);
  }
  return { readings: out, twice };
}

/** Reads the candidates of an article. */
export function scanFigures(ctx: FigureContext): Candidate[] {
  const { text, language, sentences, words } = ctx;
  const readings = ctx.readings ?? readFigures(text, language).readings;
  const out: Candidate[] = [];
  for (let k = 0; k < readings.length; k++) {
    const r = readings[k];
    const sentence = sentenceAt(sentences, r.start);
    if (!sentence) continue;
    if (ctx.dateSpans.some(([a, b]) => r.start < b && r.end > a)) continue;
    const first = wordAt(words, r.start);
    let last = wordAt(words, r.end) - 1;
    if (last < first) last = first;
    const after = (n: number) => words[last + n];
    // A multiplier ("three times the size").
    if (after(1) && TIMES_WORDS.has(after(1).text)) continue;
    const c = classify(ctx, r, sentence, first, last);
    if (!c) continue;
    out.push(c);
  }
  markConversions(out, text);
  const figures = joinCompounds(out, ctx);
  // Each figure's noun phrase ends where the next figure starts, unless that one is in brackets right
  // after it ("over 4 million pills (751 kg) of captagon", "610 kilograms (1,345 kilos) of cocaine").
  figures.forEach((c, k) => {
    const next = figures.slice(k + 1).find((o) => !/^[^,;.()]*\(\s*$/.test(text.slice(c.end, o.start)));
    contextOf(ctx, c, next?.start);
  });
  return figures;
}

/** Why a piece of a compound weight ("13 tons and 763 thousand and 200 kilograms", "طنا و908 كيلو") is not taken. */
export const COMPOUND = 'a piece of a compound weight the readers do not read whole';

/** Words that join the pieces of a compound weight: "6 tonnes, 51 kilos and 700 grams", "1 ton ve 200 kg", "طن و908". */
const COMPOUND_JOINERS = /^(?:|,|,?\s*(?:and|und|y|e|et|ve|και|i|és|es|na|و))$/iu;

/**
 * A weight written in pieces the reader reads one by one ("έξι τόνους, πενήντα ένα κιλά και επτακόσια
 * γραμμάρια": 6 t and 51.7 kg) is one weight, in kilograms, when each piece is less than one of the
 * unit before it (6,051.7 kg). Pieces that do not add up so ("13 tons and 763 thousand and 200
 * kilograms": 13 t and 763,200 kg), and a piece after a unit written without its number ("طنا و908
 * كيلو جرامات", a ton and 908 kg), are not read whole: none of them is taken.
 */
function joinCompounds(cands: Candidate[], ctx: FigureContext): Candidate[] {
  const { text, words } = ctx;
  const out: Candidate[] = [];
  for (const c of cands) {
    const prev = out[out.length - 1];
    const between = prev ? text.slice(prev.end, c.start).trim() : '';
    const joined = !!prev && prev.slot === 'weight' && c.slot === 'weight' && prev.sentence === c.sentence && c.start - prev.end <= 8 && COMPOUND_JOINERS.test(between);
    const head = joined ? KG_PER_UNIT[prev.unit === 'ton' ? 't' : prev.unit ?? ''] : undefined;
    if (joined && head && c.kg !== undefined && prev.kg !== undefined && (KG_PER_UNIT[c.unit ?? ''] ?? Infinity) < head && Number.isInteger(prev.value)) {
      if (c.kg < head && !prev.not && !c.not) {
        const kg = round(prev.kg + c.kg);
        out[out.length - 1] = { ...prev, value: kg, unit: 'kg', kg, end: c.end, digits: significantDigits(kg), qualifier: prev.qualifier !== 'exact' ? prev.qualifier : c.qualifier };
        continue;
      }
      prev.not ??= COMPOUND;
      c.not ??= COMPOUND;
    } else if (c.slot === 'weight' && unitWordBefore(words, c, ctx.language) && !(prev && prev.end >= c.start - 12 && prev.slot === 'weight')) c.not ??= COMPOUND;
    out.push(c);
  }
  return out;
}

/** A unit written without its number right before a weight, a joining word between: "طنا و908 كيلو", "a ton and 200 kilograms". */
function unitWordBefore(words: readonly Word[], c: Candidate, language: string | undefined): boolean {
  let k = wordAt(words, c.start) - 1;
  while (k >= 0 && (words[k].raw === ',' || (words[k].kind === 'word' && ['and', 'und', 'y', 'e', 'et', 've', 'και', 'i', 'es', 'na', 'و'].includes(words[k].text)))) k--;
  if (k < 0 || k === wordAt(words, c.start) - 1) return false;
  const w = words[k];
  const units = w.kind === 'word' ? unitOf(w.raw.toLowerCase(), language, false) : undefined;
  return !!units && units.some((u) => KG_PER_UNIT[u] !== undefined);
}

/** What a reading is: a weight, a count of pills or packages, a number of arrests, money; undefined for anything else. */
function classify(ctx: FigureContext, r: NumberReading & { unitWord?: string }, sentence: Sentence, first: number, last: number): Candidate | undefined {
  const { words } = ctx;
  const qualifier: Qualifier = r.qualifier ? (r.qualifier.kind as Qualifier) : 'exact';
  const start = r.qualifier ? Math.min(r.qualifier.start, r.start) : r.start;
  const end = r.qualifier ? Math.max(r.qualifier.end, r.end) : r.end;
  const base = { qualifier, start, end, sentence, attach: 'none' as const, digits: significantDigits(r.value), total: false, ...(r.ambiguous ? { ambiguous: true } : {}), ...(r.noun ? { noun: foldWord(r.noun) } : {}) };
  if (r.unit && KG_PER_UNIT[r.unit] !== undefined) {
    const unit = r.unitWord === 'ton' ? 'ton' : r.unit;
    return { ...base, slot: 'weight', value: r.value, unit, kg: r.value * KG_PER_UNIT[r.unit] };
  }
  if (r.unit) return undefined; // a volume: litres of fuel, not a figure of the seizure here
  if (Number.isInteger(r.value) && r.value >= 1900 && r.value <= 2100 && r.countOf !== 'pills' && r.countOf !== 'packages') return undefined;
  if (r.countOf === 'money') {
    const currency = currencyOf(r.noun, words, first, last);
    if (!currency) return undefined;
    // The sign or code before the number belongs to its words: "$10 billion", "EUR 60 million".
    const sign = words[first - 1];
    const from = sign && sign.kind !== 'num' && r.start - sign.end <= 1 && CURRENCIES.has(foldWord(sign.raw)) ? Math.min(base.start, sign.start) : base.start;
    return { ...base, start: from, slot: 'street_value', value: r.value, currency };
  }
  if (r.countOf === 'persons') {
    if (!ARREST_STEMS.some((s) => folded(wordsOfSentence(ctx, sentence)).includes(s))) return undefined;
    return { ...base, slot: 'arrests', value: r.value, unit: 'persons' };
  }
  if (r.countOf === 'age') return undefined;
  // What a count counts: the noun the reader found, or the words after a closing bracket
  // ("(8,735,000) Captagon pills") or after a bracketed weight ("10 milyon 926 bin (1 ton 831 kilogram) captagonun").
  let noun = r.noun;
  if (!r.countOf || r.countOf === 'other') {
    let j = last + 1;
    if (words[j]?.raw === '(') {
      for (let x = j + 1; x <= j + 8 && x < words.length; x++) {
        if (words[x].raw !== ')') continue;
        j = x + 1;
        break;
      }
    }
    while (words[j] && (words[j].raw === ')' || words[j].raw === '"' || words[j].raw === '“' || words[j].raw === '”')) j++;
    const w = words[j];
    if (w && w.kind === 'word' && j > last + 1) noun = w.text;
  }
  const nounText = noun ? foldWord(noun) : '';
  // An article read as a number ("une importante cargaison", "ein Schiff") counts nothing.
  if (r.kind === 'words' && r.value === 1) return undefined;
  if (r.countOf === 'pills' || isPillWord(ctx, nounText) || PILL_NOUNS.test(nounText)) return { ...base, slot: 'count', value: r.value, unit: 'tablets', counts: 'pills' };
  if ((r.countOf === 'packages' || PACKAGE_NOUNS.has(nounText)) && !BULK_CONTAINERS.test(nounText)) {
    return r.value >= 10 ? { ...base, slot: 'count', value: r.value, unit: 'packs', counts: 'packages' } : undefined;
  }
  if (ITEM_NOUNS.has(nounText) && r.value >= 1000) return { ...base, slot: 'count', value: r.value, unit: 'tablets', counts: 'items' };
  // A bare large number in a sentence about pills ("Σε 4.400.000 ανέρχονται … τα χάπια", "a further
  // 5,281,250 in silicon barrels"): kept to give a rounder writing of it its digits, or as a part of
  // a total, never a candidate of its own (see `chooseFigure`).
  if (r.value >= 10000 && (!r.countOf || r.countOf === 'other') && sentenceHasPills(ctx, sentence)) return { ...base, slot: 'count', value: r.value, unit: 'tablets', counts: 'items', not: 'bare' };
  return undefined;
}

/** Containers of packages, not packages of the drug: "650 sacchi di iuta", "bags", "sacos". */
const BULK_CONTAINERS = /^(?:sacks?|sacchi|sacco|sacos?|sacs?|bags?|borse|bolsas?|sacke|torby|worki|cuval|zsak)/u;

function isPillWord(ctx: FigureContext, noun: string): boolean {
  if (!noun) return false;
  const m = ctx.drugs.find([{ kind: 'word', text: noun, raw: noun, start: 0, end: noun.length }]);
  return m.length > 0 && !m[0].generic;
}

function wordsOfSentence(ctx: FigureContext, s: Sentence): Word[] {
  return ctx.words.slice(wordAt(ctx.words, s.start), wordAt(ctx.words, s.end));
}

/** Words for pills (folded). */
const PILL_NOUNS = /^(?:pills?|tablets?|capsules?|χαπια|δισκια|καψουλεσ|pillen|tabletten|kapseln|pastillas|comprimidos|pildoras|capsulas|compresse|pasticche|pasticca|pillole|capsule|comprimes|pilules|cachets|gelules|hap|hapi|tablet|kapsul|حبه|حبوب|قرص|اقراص|كبسوله|tabletek|tabletki|pigulek|tabletta|kapszula|vidonge)$/u;

function sentenceHasPills(ctx: FigureContext, s: Sentence): boolean {
  return wordsOfSentence(ctx, s).some((w) => PILL_NOUNS.test(w.text));
}

/** The ISO currency of a money figure, when its word or sign names one without doubt. */
function currencyOf(noun: string | undefined, words: readonly Word[], first: number, last: number): string | undefined {
  const cands = [noun, words[first - 1]?.raw, words[last + 1]?.text, words[last + 2]?.text].filter((x): x is string => !!x).map((x) => foldWord(x));
  for (const c of cands) {
    const code = CURRENCIES.get(c);
    if (code) return code;
  }
  // With an ending: "euróra", "dolarlık".
  for (const c of cands) for (const [word, code] of CURRENCIES) if (word.length >= 4 && c.startsWith(word)) return code;
  return undefined;
}

/** Marks the second of two masses joined by a bracket or "or" ("1,452 kilograms (3,200 pounds)", "93 kilograms or 205 pounds") as a conversion. */
function markConversions(cands: Candidate[], text: string) {
  for (let i = 1; i < cands.length; i++) {
    const a = cands[i - 1];
    const b = cands[i];
    if (a.slot !== 'weight' || b.slot !== 'weight') continue;
    const between = text.slice(a.end, b.start).trim().toLowerCase();
    if (/^(?:\(|\(\s*|or|oder|o|ou|ή|veya|lub|vagy|au|أو|او|, or|=|–|-)$/.test(between) && b.start - a.end <= 6) {
      b.not = 'a conversion of the figure before it';
      b.partOf = undefined;
    }
  }
}

/** The drug a candidate is about, the words that make it a total, a sum over other seizures or one item's share. */
function contextOf(ctx: FigureContext, c: Candidate, nextFigure = Infinity) {
  const { words } = ctx;
  const first = wordAt(words, c.start);
  const last = Math.max(first, wordAt(words, c.end) - 1);
  const sFirst = wordAt(words, c.sentence.start);
  const sLast = wordAt(words, c.sentence.end) - 1;
  // The drug: named right after the figure (its noun phrase: "Captagon pills", "of cocaine", "„Captagon“"), before a clause
  // ends or another figure starts ("dix tonnes de cigarettes et une tonne de cocaïne": the cocaine is the second's).
  let attached: DrugMention | undefined;
  let generic = false;
  let content = 0;
  for (let j = last + 1; j <= sLast && j <= last + 8 && words[j].start < nextFigure; j++) {
    const w = words[j];
    // "dix tonnes de cigarettes", "10 tons of contraband tobacco": a figure of other goods.
    if (content === 0 && w.kind === 'word' && OTHER_GOODS.has(w.text) && !ctx.mentionAt.get(j)) {
      c.not ??= `a figure of other goods ("${w.raw}")`;
      break;
    }
    // A hyphen inside a word ("super-strength", "amphetamine-type") cuts no noun phrase.
    const inWord = w.raw === '-' && words[j - 1]?.end === w.start && words[j + 1]?.start === w.end;
    if (w.kind === 'punct' && !inWord && !'"“”„«»\'‘’()'.includes(w.raw)) break;
    const m = ctx.mentionAt.get(j);
    if (m && !m.generic) {
      attached = m;
      break;
    }
    if (m?.generic || (w.kind === 'word' && GENERIC_DRUG_WORDS.has(w.text))) {
      generic = true;
      if (c.slot === 'weight') break;
      continue;
    }
    if (w.kind === 'word' && w.text.length > 3 && !NOUN_LINKS.has(w.text)) content++;
    if (content >= 3) break;
  }
  if (!attached) c.unknownNoun = unknownNounAfter(ctx, last);
  // Or just before it ("Captagon: 5 million", "الكبتاجون 14 مليونا"), or before the bracket a weight
  // is written in ("over 4 million Captagon pills (751 kg)").
  if (!attached) {
    const m = ctx.mentionEnding.get(first - 1);
    if (m && !m.generic) attached = m;
    else if (words[first - 1]?.raw === '(') {
      for (let k = first - 2; k >= first - 4 && !attached; k--) {
        const b = ctx.mentionEnding.get(k);
        if (b && !b.generic) attached = b;
      }
    }
  }
  // "an approximate gross weight of 648 kilos", "peso bruto aproximado de": a hedge before the weight's noun.
  if (c.qualifier === 'exact' && c.slot === 'weight') {
    const near = words.slice(Math.max(sFirst, first - 5), first).map((w) => w.text);
    if (near.some((w) => APPROXIMATE.has(w)) && near.some((w) => WEIGHT_NOUNS.has(w))) c.qualifier = 'about';
  }
  // Hedges written as a verb or with a conjunction before the number: "estimée à 701 kg", "ronda los
  // 3.000 kilos", "وأكثر من 8 ملايين" (and more than).
  for (let n = 3; n >= 1 && c.qualifier === 'exact'; n--) {
    const kind = first - n >= sFirst ? HEDGES_BEFORE.get(folded(words.slice(first - n, first))) : undefined;
    if (!kind) continue;
    c.qualifier = kind;
    c.start = words[first - n].start;
  }
  if (attached) {
    c.drug = attached.drug;
    c.attach = 'named';
  } else if (generic) c.attach = 'generic';
  // The words before it (in its clause): a total, one item's share.
  const before = words.slice(Math.max(sFirst, first - 6), first).filter((w) => w.kind === 'word');
  const beforeText = before.map((w) => w.text).join(' ');
  if (before.some((w) => TOTAL_WORDS.has(w.text)) || /(?:^| )(?:a total of|in total|en total|un total de|in tutto|au total)$/.test(beforeText)) c.total = true;
  if (words.slice(last + 1, last + 4).some((w) => TOTAL_WORDS.has(w.text))) c.total = true;
  if (before.slice(-4).some((w) => EACH_WORDS.has(w.text))) c.not ??= 'one item’s share ("each")';
  // "so far counted 1.4 million pills in just one of the pallets", "μέχρι στιγμής": a count so far, or of one container of several.
  const whole = sentenceOfWords(words, sFirst, sLast);
  const soFar = SO_FAR_RES.map((re) => re.exec(whole)).find((m) => m);
  // "the largest so far", "die bislang größte Menge": a record to date, not a count so far.
  const record = soFar && SUPERLATIVE.test(whole.slice(Math.max(0, soFar.index - 40), soFar.index + soFar[0].length + 40));
  const interim = (!record && soFar) || ONE_OF_RES.map((re) => re.exec(whole)).find((m) => m);
  if (interim) {
    c.not ??= INTERIM;
    c.interim = interim[0].trim();
  }
  if (before.slice(-3).some((w) => FURTHER_WORDS.has(w.text))) c.further = true;
  // An end of a range ("between three and four tonnes", "3-4 tonnes", "zwischen drei und vier Tonnen"): neither end is the figure.
  const lead = ctx.text.slice(Math.max(c.sentence.start, c.start - 40), c.start).toLowerCase();
  if (RANGE_END.test(lead) || RANGE_START.test(lead)) c.not ??= RANGE;
  // Another seizure's, by the words before it ("in another raid", "a similar shipment").
  if (ctx.otherSpans?.some(([a, b]) => c.start >= a && c.start < b)) c.not ??= OTHER_SEIZURE;
  // A sum over a period or over other seizures.
  const clause = clauseOf(words, first, sFirst, sLast);
  const clauseText = ' ' + folded(words.slice(clause[0], clause[1] + 1)) + ' ';
  const sentenceText = ' ' + folded(words.slice(sFirst, sLast + 1)) + ' ';
  for (const re of AGGREGATE_RES) {
    const inClause = re.test(clauseText);
    if (inClause || re.test(sentenceText)) {
      c.not ??= 'a sum over a period or over several seizures';
      if (inClause) c.sumInClause = true;
      break;
    }
  }
}

/** Why an end of a range is not taken. */
const RANGE = 'an end of a range ("between three and four tonnes")';
/** The words before the upper end of a range: "between three and", "entre 3 y", "3-" (no space: a dateline's "9 - " is no range), "3 to". */
const RANGE_END = /(?:\bbetween|\bzwischen|\bentre|\btra|\bfra|μεταξύ|\bmiędzy|\bközött|بين)\s+[^,;.]{1,30}?\s+(?:and|und|y|e|et|και|i|és|a|و)\s*$|\d(?:-|–)$|\d\s+(?:to|bis|à|a)\s+$/u;
/** The words before the lower end: "between", "zwischen", "entre". */
const RANGE_START = /(?:\bbetween|\bzwischen|\bentre|\btra|\bfra|μεταξύ|\bmiędzy|بين)\s*$/u;

/** Why a count so far, or of one container of several, is not taken as the total. */
export const INTERIM = 'a count so far, or of one part of the haul';

/** The folded words of a sentence, joined by spaces, a space at each end. */
const sentenceOfWords = (words: readonly Word[], from: number, to: number) => ' ' + folded(words.slice(from, to + 1)) + ' ';

/** Why a figure in words about another seizure is not taken. */
export const OTHER_SEIZURE = 'the words before it are about another seizure';

/** Why a figure said to be more ("another", "weitere") in a later sentence is not taken. */
export const FURTHER = 'it is more, added to a figure given before it';

/** Words that add a figure to another: "a further", "another", "weitere", "otros", "ulteriori", "daha". */
const FURTHER_WORDS = new Set(['further', 'another', 'additional', 'more', 'weitere', 'weiteren', 'weitere', 'otros', 'otras', 'adicionales', 'altri', 'altre', 'ulteriori', 'autres', 'supplementaires', 'daha', 'ακομη', 'επιπλεον', 'kolejne', 'dalsze', 'tovabbi', 'zaidi', 'اخرى', 'اضافيه']);

const APPROXIMATE = new Set(['approximate', 'approximately', 'estimated', 'aproximado', 'aproximada', 'approssimativo', 'stimato', 'approximatif', 'ungefahre', 'geschatzte', 'yaklasik', 'περιπου']);
const WEIGHT_NOUNS = new Set(['weight', 'peso', 'gewicht', 'poids', 'agirlik', 'agirligi', 'βαρος', 'βαρους', 'waga', 'suly', 'uzito', 'وزن'].map(foldWord));

/** Goods that are not drugs, the noun of a figure seized beside them: cigarettes, tobacco, fuel, alcohol. */
const OTHER_GOODS = new Set(
  [
    'cigarettes|cigarette|tobacco|fuel|diesel|petrol|gasoline|alcohol|liquor|contraband cigarettes',
    'zigaretten|tabak|treibstoff|kraftstoff|alkohol',
    'cigarrillos|cigarros|tabaco|combustible|gasoil|alcohol',
    'sigarette|tabacco|carburante|gasolio|alcol',
    'cigarettes|tabac|carburant|gazole|alcool',
    'sigara|sigaralar|tutun|yakit|akaryakit|alkol',
    'τσιγαρα|καπνος|καπνου|καυσιμα|αλκοολ',
    'papierosy|papierosow|tyton|tytoniu|paliwo|paliwa|alkohol',
    'cigaretta|cigarettat|dohany|dohanyt|uzemanyag|alkohol',
    'sigara|tumbaku|mafuta',
    'سجائر|السجائر|دخان|تبغ|التبغ|وقود|الوقود|خمور|الخمور',
  ]
    .join('|')
    .split('|')
    .map(foldWord),
);

/** Words between a quantity and what it is of: "of", "de", "di", "των", "من". */
const OF_LINKS = new Set(['of', 'de', 'di', 'du', 'des', 'del', 'della', 'dello', 'd', 'των', 'της', 'του', 'من'].map(foldWord));
/** Words that describe a drug before its name: passed over to find what a quantity is of. */
const DRUG_ADJECTIVES = new Set(['pure', 'suspected', 'processed', 'refined', 'raw', 'crystal', 'liquid', 'powdered', 'compressed', 'white', 'brown', 'high', 'quality', 'grade', 'reines', 'reinem', 'puro', 'pura', 'puri', 'saf', 'καθαρη', 'κατεργασμενη', 'κατεργασμενης'].map(foldWord));

/**
 * The noun a quantity is of when the registry does not know it, neither a drug nor a word for drugs,
 * pills or packages ("129 kilogram esrar cinsi", "20 tons of bananas", "κατεργασμένης κάνναβης"): the
 * word after "of", or right after the unit: a German noun, a Turkish one.
 */
function unknownNounAfter(ctx: FigureContext, last: number): string | undefined {
  const { words } = ctx;
  let k = last + 1;
  const link = words[k]?.kind === 'word' && OF_LINKS.has(words[k].text);
  if (link) k++;
  while (words[k]?.kind === 'word' && (DRUG_ADJECTIVES.has(words[k].text) || NOUN_LINKS.has(words[k].text))) k++;
  const w = words[k];
  if (!w || w.kind !== 'word' || w.text.length < 4 || ctx.mentionAt.has(k)) return undefined;
  const lang = ctx.language?.split(/[-_]/)[0];
  // German nouns are capitalised; a Turkish noun follows the unit ("129 kilogram esrar"), unless the
  // word there weighs, values, hedges or seizes ("1 ton 72 kilo ağırlığında", "olmak üzere").
  const direct = (lang === 'de' && /^\p{Lu}/u.test(w.raw)) || (lang === 'tr' && !TR_AFTER_QUANTITY.some((stem) => w.text.startsWith(stem)));
  if (!link && !direct) return undefined;
  if (GENERIC_DRUG_WORDS.has(w.text) || PACKAGE_NOUNS.has(w.text) || ITEM_NOUNS.has(w.text) || PILL_NOUNS.test(w.text) || OTHER_GOODS.has(w.text) || unitOf(w.raw.toLowerCase(), ctx.language, false)) return undefined;
  return w.raw;
}

/** Hedges before a number that the number reader does not read, as folded words: "estimée à", "ronda los", "وأكثر من". */
const HEDGES_BEFORE: ReadonlyMap<string, Qualifier> = new Map<string, Qualifier>([
  ...['estimee a', 'estime a', 'estimees a', 'estimes a', 'evaluee a', 'estimada en', 'estimado en', 'estimadas en', 'estimados en', 'ronda los', 'ronda las', 'rondan los', 'rondan las', 'rondaba los', 'stimata in', 'stimato in', 'stimate in', 'stimati in'].map((w) => [w, 'about'] as [string, Qualifier]),
  ...['ونحو', 'وحوالي', 'وزهاء'].map((w) => [foldWord(w), 'about'] as [string, Qualifier]),
  ...['واكثر من', 'وما يزيد عن', 'وما يزيد على'].map((w) => [w.split(' ').map(foldWord).join(' '), 'more_than'] as [string, Qualifier]),
  ...['وقرابه', 'وقرابة', 'وما يقارب', 'ويقارب'].map((w) => [w.split(' ').map(foldWord).join(' '), 'nearly'] as [string, Qualifier]),
]);

/** Turkish words after a quantity that are not what it is of (folded beginnings): weighing, worth, about, being, more than, seized. */
const TR_AFTER_QUANTITY = ['agirlik', 'agirlig', 'deger', 'civar', 'uzer', 'olma', 'olan', 'olar', 'kadar', 'fazla', 'asan', 'askin', 'yakala', 'gecir', 'bulun', 'daha', 'tutar'];

/** Words that link a number to its noun ("of", "de", "των"): not content. */
const NOUN_LINKS = new Set(['of', 'de', 'del', 'di', 'du', 'des', 'the', 'la', 'las', 'los', 'le', 'les', 'der', 'die', 'das', 'den', 'των', 'του', 'της', 'τα', 'ya', 'za', 'wa', 'adet', 'tane', 'من', 'with', 'mit', 'con', 'avec', 'illegal', 'illicit', 'banned', 'narcotic', 'synthetic', 'stimulant'].map(foldWord));

/** The clause of word `i`: between the separators (, ; : – — brackets) around it, inside the sentence. */
function clauseOf(words: readonly Word[], i: number, from: number, to: number): [number, number] {
  const sep = (w: Word) => w.kind === 'punct' && [',', ';', ':', '–', '—', '(', ')'].includes(w.raw);
  let a = i;
  while (a > from && !sep(words[a - 1])) a--;
  let b = i;
  while (b < to && !sep(words[b + 1])) b++;
  return [a, b];
}

// ---------------------------------------------------------------------------------------------
// Choosing

/** Two candidates state the same quantity: the rounder one, by its last significant digit (and hedge), allows the other. */
export function sameQuantity(a: Candidate, b: Candidate): boolean {
  const [x, y] = a.digits <= b.digits ? [a, b] : [b, a];
  const xv = measure(x);
  const yv = measure(y);
  if (xv === undefined || yv === undefined) return false;
  const place = lastPlace(x.value, x.digits) * xv.factor;
  const lo = xv.lo - place;
  const hi = xv.hi + place;
  // "more than 5.3 million": 5.3 million up to the next step of its last digit (5,383,400); "nearly 9 million": just below.
  if (x.qualifier === 'more_than' || x.qualifier === 'at_least') return yv.value >= xv.lo - place * 0.01 && yv.value <= hi;
  if (x.qualifier === 'less_than' || x.qualifier === 'up_to' || x.qualifier === 'nearly') return yv.value <= xv.hi + place * 0.01 && yv.value >= lo;
  return yv.value >= lo && yv.value <= hi;
}

/** A candidate's quantity in one measure (kg for weights; tons of unknown kind span 907–1,000 kg). */
function measure(c: Candidate): { value: number; lo: number; hi: number; factor: number } | undefined {
  if (c.slot !== 'weight') return { value: c.value, lo: c.value, hi: c.value, factor: 1 };
  if (c.unit === 'ton') return { value: c.value * 1000, lo: c.value * 907.18474, hi: c.value * 1000, factor: 1000 };
  const f = KG_PER_UNIT[c.unit ?? ''];
  return f === undefined ? undefined : { value: c.value * f, lo: c.value * f, hi: c.value * f, factor: f };
}

const MAX_PART_CANDIDATES = 40;

/** Marks the candidates that add up to another as its parts (two to five of them). */
export function markParts(cands: Candidate[]) {
  const live = cands.filter((c) => !c.not || c.not === 'bare');
  // An article gives a handful of figures of one drug; dozens are a list of other seizures, not parts.
  if (live.length > MAX_PART_CANDIDATES) return;
  const size = new Map(live.map((c) => [c, measure(c)?.value ?? Infinity]));
  for (const whole of [...live].sort((a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0))) {
    if (whole.partOf || whole.not) continue;
    const w = measure(whole)!;
    const pieces = live.filter((c) => c !== whole && !c.partOf && c.unit !== undefined && size.get(c)! < w.value * 0.95 && !sameQuantity(c, whole));
    if (pieces.length < 2 || pieces.length > 14) continue;
    const place = lastPlace(whole.value, whole.digits) * w.factor;
    // Parts add up to the whole as rounded: within half its last digit ("10 tonnes" is 9.5 to 10.5).
    const tolerance = Math.max(place / 2, w.value * 0.015);
    let best: Candidate[] | undefined;
    const n = pieces.length;
    for (let mask = 0; mask < 1 << n; mask++) {
      const bits = popcount(mask);
      if (bits < 2 || bits > 5) continue;
      let sum = 0;
      const set: Candidate[] = [];
      for (let i = 0; i < n; i++) if (mask & (1 << i)) {
        sum += measure(pieces[i])!.value;
        set.push(pieces[i]);
      }
      const fits = whole.qualifier === 'more_than' || whole.qualifier === 'at_least' ? sum >= w.lo - tolerance * 0.01 && sum <= w.hi + tolerance * 2 : Math.abs(sum - w.value) <= tolerance;
      if (fits && (!best || set.length > best.length)) best = set;
    }
    if (best) {
      whole.parts = best;
      for (const p of best) p.partOf = whole;
      // Another writing of a part is that part ("7.2 tons were seized in Belgium" twice), not a whole.
      for (const c of live) if (!c.partOf && c !== whole && best.some((p) => sameQuantity(p, c))) c.partOf = whole;
    }
  }
}

function popcount(n: number): number {
  let c = 0;
  while (n) {
    n &= n - 1;
    c++;
  }
  return c;
}

export interface Choice {
  /** The figure the extractor believes is the seizure's, and the other writings of the same quantity. */
  chosen?: Candidate;
  same: Candidate[];
  /** Why it is believed. */
  why: string;
  /** The other candidates, for the maintainer to choose from. */
  others: Candidate[];
  /** Parts without a total (an operation in several countries). */
  parts?: Candidate[];
}

/**
 * The seizure's figure among candidates of one slot and one drug (see the module comment). The
 * rules, in order: not a sum over other seizures, a share, a conversion, a part; then named with its
 * drug; then in the body; then the most precise; then said to be the total; then the first.
 */
export function chooseFigure(cands: readonly Candidate[], fits?: (c: Candidate) => boolean): Choice {
  // "3,054,000 of the pills … and a further 5,281,250": parts added up, with no total of their own.
  const added: Candidate[] = [];
  for (const c of cands) {
    if (!c.further || c.partOf) continue;
    const before = cands.filter((o) => o !== c && !o.partOf && o.sentence === c.sentence && o.start < c.start && !o.further && (!o.not || o.not === 'bare'));
    const prev = before[before.length - 1];
    // "Another 7.2 tons were seized in Belgium", "weitere sieben Tonnen": more, added in a later
    // sentence to a figure already given, is not the seizure's total (another seizure, or a part).
    if (!prev && !c.not && cands.some((o) => o !== c && o.start < c.start && o.sentence !== c.sentence && !o.further)) {
      c.not = FURTHER;
      continue;
    }
    if (prev && !added.includes(prev)) added.push(prev);
    added.push(c);
  }
  if (added.length >= 2) {
    const rest = cands.filter((c) => !added.includes(c));
    const choice = chooseFigure(rest, fits);
    if (choice.chosen) return { ...choice, others: [...choice.others, ...added] };
    return { same: [], why: '', others: rest.filter((c) => c.not !== 'bare'), parts: added };
  }
  const usable = cands.filter((c) => !c.ambiguous && !c.partOf && (!c.not || c.not === 'bare'));
  const strong = usable.filter((c) => c.not !== 'bare');
  let pool = strong.filter((c) => !c.not);
  let why = '';
  if (pool.length === 0) {
    // Nothing but sums over a period or several seizures: the largest is taken, and said to be one.
    const sums = cands.filter((c) => !c.ambiguous && !c.partOf && c.not === 'a sum over a period or over several seizures');
    if (sums.length === 0) {
      // Only counts so far or of one container of several: recorded as parts, with no total.
      const interim = cands.filter((c) => !c.ambiguous && !c.partOf && c.not === INTERIM);
      return { same: [], why: '', others: cands.filter((c) => c.not !== 'bare' && !interim.includes(c)), ...(interim.length ? { parts: interim } : {}) };
    }
    // A figure whose own clause sums ("bringing the total seized this year to 12 million") is less
    // the seizure's than one only its sentence does ("Police seized 300,000 pills, bringing …").
    const loose = sums.filter((c) => !c.sumInClause);
    pool = loose.length ? loose : sums;
    why = 'the article gives only a sum over several finds or a period; ';
  }
  // Group the writings of one quantity: each joins the group of the first more precise figure it agrees with.
  // (Dozens of figures of one drug are a list of seizures: grouped by equal value only, which stays linear.)
  const groups: Candidate[][] = [];
  const byValue = new Map<number, Candidate[]>();
  for (const c of [...pool].sort((a, b) => b.digits - a.digits || a.start - b.start)) {
    const v = measure(c)?.value ?? c.value;
    // A figure dated weeks before the article is not a writing of one that is not: two seizures of a size.
    const g = pool.length > MAX_PART_CANDIDATES ? byValue.get(v) : groups.find((gr) => sameQuantity(gr[0], c) && !gr[0].background === !c.background);
    if (g) g.push(c);
    else {
      groups.push([c]);
      byValue.set(v, groups[groups.length - 1]);
    }
  }
  // A bare number ("4.400.000 ανέρχονται … τα χάπια") only refines a group it agrees with.
  if (pool.length <= MAX_PART_CANDIDATES) {
    for (const b of usable.filter((c) => c.not === 'bare')) {
      const g = groups.find((gr) => sameQuantity(gr[0], b));
      if (g) g.push(b);
    }
  }
  const rank = (g: Candidate[]) => [
    fits && g.some(fits) ? 1 : 0,
    g.some((c) => !c.background) ? 1 : 0,
    g.some((c) => c.attach === 'named') ? 1 : 0,
    g.some((c) => !c.sentence.headline && c.not !== 'bare') ? 1 : 0,
    Math.max(...g.map((c) => c.digits)),
    g.some((c) => c.total) ? 1 : 0,
    -Math.min(...g.map((c) => c.start)),
  ];
  const ranked = groups.map((g) => ({ g, r: rank(g) })).sort((a, b) => {
    for (let i = 0; i < a.r.length; i++) if (a.r[i] !== b.r[i]) return b.r[i] - a.r[i];
    return 0;
  });
  const best = ranked[0].g;
  const chosen = writing(best);
  if (ranked.length > 1) {
    const [r0, r1] = [ranked[0].r, ranked[1].r];
    const reasons = ['it gives the count’s tablets a weight the drug’s tablets have', 'the other is dated weeks before the article', 'it is named with its drug', 'it is in the body, the other only in the headline', 'it is the most precise figure', 'it is said to be the total', 'it comes first'];
    const i = r0.findIndex((v, k) => v !== r1[k]);
    why += i >= 0 ? reasons[i] : 'it comes first';
  } else if (best.length > 1) why += 'the other figures write the same quantity';
  else why += 'it is the only figure';
  const inBest = new Set(best);
  const others = cands.filter((c) => !inBest.has(c) && c.not !== 'bare');
  return { chosen, same: best.filter((c) => c !== chosen && c.not !== 'bare'), why, others };
}

/** The writing of a quantity to record: the most precise; of equal precision and value, the hedged one; else the first in the body. */
function writing(group: Candidate[]): Candidate {
  return [...group].sort((a, b) => {
    if (a.digits !== b.digits) return b.digits - a.digits;
    if (measure(a)?.value === measure(b)?.value && (a.qualifier === 'exact') !== (b.qualifier === 'exact')) return a.qualifier === 'exact' ? 1 : -1;
    // "13 metric tons" says which ton "13 tons" is.
    if (a.value === b.value && (a.unit === 'ton') !== (b.unit === 'ton') && a.slot === 'weight' && b.slot === 'weight') return a.unit === 'ton' ? 1 : -1;
    if (a.sentence.headline !== b.sentence.headline) return a.sentence.headline ? 1 : -1;
    return a.start - b.start;
  })[0];
}
