/**
 * From an article to a draft event: the source (publisher, address, publication date, language) and,
 * as that source's claims, its counts and weights per drug with their hedges and words, the date
 * (resolved against the publication date, kept as written), the country and province, the arrests,
 * the agencies of the registry it names, and as quotes the verbatim sentences every value came from.
 *
 * Honest about doubt: what the readers cannot read with confidence is left out and listed for review
 * with the sentence it is in; where the article gives several figures, the one believed to be the
 * seizure's is recorded and the others are listed with why. Nothing is guessed: no year, no country,
 * no drug the words do not give. Pure: text in, plain data out.
 */
import type { DrugEntry, Registries } from '../model/dataset';
import type { Qualifier } from '../model/event';
import { type FoundDate, findDates } from '../read/date-words';
import { foldWord } from '../read/date-vocabulary';
import { countryName } from '../read/places';
import { dayNumber, daysInMonth, fromDayNumber } from '../read/calendar';
import { type DrugMatcher, type DrugMention, drugMatcher } from './drugs';
import { type Candidate, type Choice, FURTHER, OTHER_SEIZURE, chooseFigure, markParts, readFigures, sameQuantity, scanFigures } from './figures';
import { type DateCandidate, hasStemAt, resolve, scanDates } from './dates';
import { type PlaceEvidence, findPlaces } from './places';
import { type LocationChoice, chooseLocation } from './location';
import { findAgencies } from './agencies';
import { OTHER_SEIZURE_RES, SEIZE_STEMS } from './lexicon';
import { type Sentence, type Word, detectLanguage, isReadLanguage, plainText, sentenceAt, sentencesOf, wordIndexAt, wordsOf } from './text';

export interface ArticleInput {
  /** The article's text, as copied (markup is read through and kept in the quotes). */
  text: string;
  /** Publication date, YYYY-MM-DD; null or absent when the article shows none. */
  published?: string | null;
  /** Why `published` is null, or where it comes from. */
  publishedNote?: string;
  /** BCP 47 tag; detected from the text when absent. */
  language?: string;
  url?: string | null;
  publisher?: string;
  /** The id of the new source; from the publisher when absent. */
  sourceId?: string;
  registries?: Registries;
}

/** One value of the draft and the sentence it came from. */
export interface Provenance {
  /** JSON pointer of the value in the event. */
  pointer: string;
  /** The words the value was read from, verbatim. */
  words: string;
  /** The sentence, verbatim (a quote of the source). */
  sentence: string;
  /** How it was read or chosen. */
  why?: string;
}

/** Something the maintainer must look at: a figure left out, a choice between figures, a place not told. */
export interface ReviewItem {
  /** JSON pointer of the value concerned, when there is one. */
  pointer?: string;
  message: string;
  sentence?: string;
}

export interface Draft {
  /** The event, in the dataset's format (schemas/event.schema.json), status draft. */
  event: Record<string, unknown>;
  provenance: Provenance[];
  review: ReviewItem[];
  /** The language the article was read in (given or detected). */
  language?: string;
  /** False when the language is not one the readers read: the draft is then empty. */
  read: boolean;
  /** What the reader must know first (an unread language, no publication date). */
  messages: string[];
}

/** "The National" → "thenational"; "Asharq Al-Awsat" → "asharq-al-awsat". */
export function sourceIdOf(publisher: string | undefined, url: string | null | undefined): string {
  let base = publisher ?? '';
  if (!base && url) {
    const host = /^[a-z]+:\/\/(?:www\.)?([^/:]+)/i.exec(url)?.[1];
    if (host) base = host.split('.').slice(0, -1).join('-') || host;
  }
  const id = foldWord(base)
    .replace(/^the\s+/, 'the')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    .replace(/-+$/, '');
  return /^[a-z0-9]/.test(id) ? id : 'source';
}

/** What the readers made of an article: its sentences and words, drugs, places, dates and figures. */
interface Reading {
  original: string;
  plain: ReturnType<typeof plainText>;
  sentences: Sentence[];
  words: Word[];
  lang: string;
  published?: string;
  drugs: DrugMatcher;
  mentions: DrugMention[];
  /** The mentions by the index of their first word. */
  mentionAt: ReadonlyMap<number, DrugMention>;
  /** Mentions of particular drugs (not "drugs", "narcotic pills"). */
  specific: DrugMention[];
  places: PlaceEvidence[];
  dates: FoundDate[];
  candidates: Candidate[];
  /** Offsets of the words about another seizure ("another raid", "a similar shipment"), to the end of their sentence. */
  otherSpans: readonly [number, number][];
  /** The first sentence that is not a headline. */
  lead?: Sentence;
  /** A sentence as written in the article (markup included): a quote. */
  orig(s: Sentence): string;
  /** Words as written: the `as_reported` of a value. */
  asReported(span: { start: number; end: number }): string;
}

/** The seizure of one drug: the figure chosen for each slot, with the others. */
interface Planned {
  drug: string;
  entry?: DrugEntry;
  count: Choice;
  weight: Choice;
  packs?: Choice;
}

/** Texts longer than this (UTF-16 code units) are not read: a news article is a few thousand characters. */
export const MAX_ARTICLE_LENGTH = 500_000;

/** Reads an article into a draft event. */
export function extractArticle(input: ArticleInput): Draft {
  const original = input.text.length > MAX_ARTICLE_LENGTH ? '' : input.text;
  const published = input.published && /^\d{4}-\d{2}-\d{2}$/.test(input.published) ? input.published : undefined;
  const sourceId = input.sourceId ?? sourceIdOf(input.publisher, input.url);
  const messages: string[] = [];
  if (input.text.length > MAX_ARTICLE_LENGTH) messages.push(`The text is too long for one article (${input.text.length.toLocaleString('en-US')} characters; at most ${MAX_ARTICLE_LENGTH.toLocaleString('en-US')}): give one article at a time.`);
  const language = (input.language ?? detectLanguage(original)?.language)?.toLowerCase();
  if (!language) messages.push('The language of the text could not be told; give it (en, de, es, it, fr, tr, el, ar, pl, hu, sw).');
  const read = !!language && isReadLanguage(language);
  if (language && !read) messages.push(`The text is in a language the readers do not read (${language}); the draft is empty: enter its values by hand.`);
  if (!published) messages.push('No publication date: weekdays and relative dates ("on Sunday", "last week") are kept as words only.');

  const source: Record<string, unknown> = {
    id: sourceId,
    publisher: input.publisher?.trim() || 'TODO: the outlet',
    url: input.url ?? null,
    published: published ?? null,
  };
  if (!published) source.published_note = input.publishedNote ?? 'The article was read without its publication date.';
  else if (input.publishedNote) source.published_note = input.publishedNote;
  if (language) source.language = language;

  const plain = plainText(original);
  const sentences = sentencesOf(plain.text);
  if (!read || sentences.length === 0) return emptyDraft(original, plain, sentences, source, language, messages);

  const r = readArticle(original, plain, sentences, language!.split(/[-_]/)[0], published, input.registries);
  const review: ReviewItem[] = [];
  const provenance: Provenance[] = [];
  const quoted = new Set<Sentence>();
  const { drugOrder, mainDrug } = assignDrugs(r, input.registries);
  const planned = planSeizures(r, drugOrder, mainDrug, review);
  for (const c of r.candidates) {
    if (c.drug || c.not || (c.slot !== 'count' && c.slot !== 'weight') || !planned.length) continue;
    review.push({ message: `Not taken: "${r.plain.text.slice(c.start, c.end)}", whose drug the sentence does not tell.`, sentence: r.orig(c.sentence) });
  }
  if (planned.length === 0) review.push({ message: 'No drug of the registry is named: add the seizure by hand.' });
  else if (!drugOrder.length && !r.mentions.some((m) => m.generic)) review.push({ pointer: '/seizures/0/drug', message: `The article names no drug of the registry: its figures are recorded under ${mainDrug}; name the drug.` });

  // The figures taken place the dates; the figures and the date place the seizure. Figures not taken
  // date and place nothing of it, and so do those of another seizure or added to one.
  const elsewhere = (o: Candidate) => !o.not || [OTHER_SEIZURE, FURTHER, OTHER_COUNTRY, SUM_OF_COUNTRIES].includes(o.not);
  const chosenAt: number[] = [];
  const otherAt: number[] = [];
  for (const p of planned) {
    for (const ch of [p.count, p.weight, p.packs]) {
      if (!ch) continue;
      if (ch.chosen) chosenAt.push(ch.chosen.start, ...ch.same.map((c) => c.start), ...(ch.chosen.parts ?? []).map((c) => c.start));
      // A figure of the lead is about the event, even when another writing was taken (a misprint).
      for (const o of ch.others) if (!o.partOf && elsewhere(o) && o.sentence !== r.lead) otherAt.push(o.start);
      for (const c of ch.parts ?? []) chosenAt.push(c.start);
    }
  }
  const drugAt = new Set(r.specific.map((m) => m.first));
  const dates = scanDates({ text: r.plain.text, language: r.lang, sentences, words: r.words, published, chosenAt, otherAt, drugAt, otherSpans: r.otherSpans, found: r.dates });
  const dateClaim = chooseDate(dates);
  const focus = new Set<Sentence>();
  for (const p of planned) for (const ch of [p.count, p.weight, p.packs]) if (ch?.chosen) focus.add(ch.chosen.sentence);
  if (dateClaim) focus.add(dateClaim.sentence);
  // Sentences about other seizures (their figures were not taken) place nothing and arrest no one.
  const ignore = new Set<Sentence>();
  for (const p of planned) for (const ch of [p.count, p.weight]) for (const o of ch.others) if (elsewhere(o) && !o.partOf && !o.placePart && o.sentence !== r.lead && !focus.has(o.sentence)) ignore.add(o.sentence);
  const location = chooseLocation(r.places, sentences, r.words, focus, ignore, chosenAt, review);
  const arrests = chooseArrests(r.candidates.filter((c) => c.slot === 'arrests' && !c.not && !ignore.has(c.sentence) && !inSpans(r.otherSpans, c.start)), review, r.orig);
  const relevant = (offset: number) => {
    const s = sentenceAt(sentences, offset);
    return !!s && !ignore.has(s) && (focus.has(s) || wordsIn(r.words, s).some((_, k, ws) => hasStemAt(ws, k, SEIZE_STEMS)));
  };
  const agencies = findAgencies(r.words, input.registries?.agencies.values() ?? [], relevant);

  // The event, in the order of the dataset's files.
  const seizures = planned.map((p, i) => seizureOf(r, p, i, sourceId, focus, review, provenance, quoted));
  const { date, announced } = dateOf(r, dateClaim, dates, sourceId, review, provenance, quoted);
  const eventLocation = locationOf(r, location, provenance, quoted);
  const event: Record<string, unknown> = {
    id: idOf(date, location, mainDrug),
    status: 'draft',
    type: 'seizure',
    title: titleOf(planned[0], mainDrug, location),
    notes: notesOf(published, review),
    date,
  };
  if (announced) event.announced = announced;
  event.location = eventLocation;
  if (agencies.length) event.agencies = agencies.map((a) => ({ agency: a.id, role: a.role }));
  event.seizures = seizures;
  if (arrests) {
    const figure: Record<string, unknown> = { value: arrests.value, unit: 'persons' };
    if (arrests.qualifier !== 'exact') figure.qualifier = arrests.qualifier;
    figure.as_reported = r.asReported(reportedSpan(r.words, r.mentionAt, arrests));
    figure.source = sourceId;
    event.arrests = figure;
    provenance.push({ pointer: '/arrests', words: String(figure.as_reported), sentence: r.orig(arrests.sentence) });
    quoted.add(arrests.sentence);
  }
  const quotes = [...quoted].sort((a, b) => a.start - b.start).map(r.orig);
  source.quotes = quotes.length ? quotes : [r.orig(sentences[0])];
  event.sources = [source];
  return { event, provenance, review, language, read: true, messages };
}

/** A draft of an article that is not read (a language the readers do not read, or no sentence): the source only, said so. */
function emptyDraft(original: string, plain: ReturnType<typeof plainText>, sentences: Sentence[], source: Record<string, unknown>, language: string | undefined, messages: string[]): Draft {
  if (sentences.length === 0) messages.push('The text holds no sentence to read.');
  const first = sentences[0];
  source.quotes = first ? [original.slice(plain.toOriginal(first.start), plain.toOriginal(first.end))] : ['TODO: the sentences the figures and dates come from, verbatim'];
  const event = {
    id: 'undated-xx-unknown-unspecified',
    status: 'draft',
    type: 'seizure',
    title: 'TODO: a short headline for the event',
    notes: messages.join(' '),
    date: null,
    location: { country: null, admin1: null, place: null, precision: 'unknown' },
    seizures: [],
    sources: [source],
  };
  return { event, provenance: [], review: messages.map((m) => ({ message: m })), language, read: false, messages };
}

/** The words, drugs, places, dates and figures of the article. */
function readArticle(original: string, plain: ReturnType<typeof plainText>, sentences: Sentence[], lang: string, published: string | undefined, registries: Registries | undefined): Reading {
  const words = wordsOf(plain.text);
  const registryAgencies = [...(registries?.agencies.values() ?? [])].flatMap((a) =>
    typeof a.country === 'string'
      ? [a.name, a.short_name, ...((a as { aliases?: string[] }).aliases ?? [])]
          .filter((n): n is string => typeof n === 'string' && n.includes(' '))
          .map((n) => ({ words: n.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(foldWord), country: a.country! }))
      : [],
  );
  const drugs = drugMatcher(registries?.drugs.values() ?? []);
  const mentions = drugs.find(words);
  // A figure written in digits and words ("(1908) واحد طن …") is one figure, and its digits no year.
  const { readings, twice } = readFigures(plain.text, lang);
  const dates = findDates(plain.text, lang).filter((f) => !twice.some(([a, b]) => f.start >= a && f.end <= b));
  const mentionAt = new Map(mentions.map((m) => [m.first, m]));
  const mentionEnding = new Map(mentions.map((m) => [m.last, m]));
  const lead = sentences.find((x) => !x.headline);
  const otherSpans = otherSeizureSpans(words, sentences, lead);
  const candidates = scanFigures({ text: plain.text, language: lang, sentences, words, drugs, mentions, mentionAt, mentionEnding, dateSpans: dates.map((f) => [f.start, f.end]), otherSpans, readings });
  // A figure in a sentence dated a week or more before the article is another, earlier seizure's:
  // by the publication date, or by words that need none ("two weeks ago", "vor drei Monaten", "last year").
  const weekBefore = published ? fromDayNumber(dayNumber(published) - 7) : undefined;
  for (const c of candidates) {
    const old = dates.some((f) => {
      if (!f.reading || f.start < c.sentence.start || f.end > c.sentence.end) return false;
      if (weeksBefore(f.reading)) return true;
      if (!published) return false;
      const res = resolve(f.reading, published);
      const end = res?.to ?? (res?.on ? lastDayOf(res.on, res.precision) : undefined);
      return !!end && end < weekBefore!;
    });
    if (old) c.background = true;
  }
  const places = findPlaces(words, lang, registryAgencies);
  for (const e of places) if (inSpans(otherSpans, e.start)) e.otherSeizure = true;
  return {
    original,
    plain,
    sentences,
    words,
    lang,
    published,
    drugs,
    mentions,
    mentionAt,
    specific: mentions.filter((m) => !m.generic),
    places,
    dates,
    candidates,
    otherSpans,
    lead,
    orig: (s) => original.slice(plain.toOriginal(s.start), plain.toOriginal(s.end)),
    asReported: (span) => verbatim(original, plain, span.start, span.end),
  };
}

/**
 * The drug of every figure. The main drug has the most figures named with it, then the most
 * mentions, then comes first. A figure whose words name no drug takes the one drug its sentence
 * names; a weight of "the drugs" that the main drug's own weight contradicts goes to the drug whose
 * count it fits; else the main drug. Without a drug named, figures go to the registry's drug for
 * what the article does not name ("tablets with narcotic additives", "461 Kilogramm Tabletten"),
 * never to a drug it does not name.
 */
function assignDrugs(r: Reading, registries: Registries | undefined): { drugOrder: string[]; mainDrug?: string } {
  const { candidates, specific } = r;
  const stats = new Map<string, { named: number; mentions: number; first: number }>();
  for (const m of specific) {
    const s = stats.get(m.drug) ?? { named: 0, mentions: 0, first: m.start };
    s.mentions++;
    stats.set(m.drug, s);
  }
  for (const c of candidates) if (c.drug && c.attach === 'named' && !c.not && (c.slot === 'count' || c.slot === 'weight')) stats.get(c.drug)!.named++;
  const drugOrder = [...stats.entries()].sort((a, b) => b[1].named - a[1].named || b[1].mentions - a[1].mentions || a[1].first - b[1].first).map(([d]) => d);
  const figures = candidates.filter((c) => (c.slot === 'count' || c.slot === 'weight') && (!c.not || c.not === SUM));
  const mainDrug = drugOrder[0] ?? (figures.length ? genericDrug(r.mentions, registries?.drugs.values() ?? [], figures.some((c) => c.slot === 'count' && c.counts !== 'packages')) : undefined);
  const bandOf = (drug: string) => r.drugs.entry(drug)?.forms?.find((f) => f.unit_mass_mg)?.unit_mass_mg?.error;
  const named = (d: string, slot: Candidate['slot']) => candidates.filter((o) => o.drug === d && o.slot === slot && o.attach === 'named' && !o.not);
  // "the drug", "the narcotics" in an article that names one drug: that drug, named.
  if (drugOrder.length === 1) for (const c of candidates) if (c.attach === 'generic' && !c.drug && !c.unknownNoun) {
    c.drug = drugOrder[0];
    c.attach = 'named';
  }
  // The one drug a sentence names is already another figure's, named with it: a figure named with
  // nothing of the registry that neither writes the same quantity nor weighs that figure's pills
  // ("(3.127.360) δίσκια CAPTAGON" beside "6.051,700 κατεργασμένης κάνναβης") is of something else.
  const ofAnother = (c: Candidate, d: string) => {
    if (c.further || c.not === 'bare') return false; // more of it ("a further 5,281,250"), or a bare number that only refines one
    const own = candidates.filter((o) => o !== c && o.sentence === c.sentence && o.drug === d && o.attach === 'named' && !o.not);
    if (own.some((o) => o.slot === c.slot && !sameQuantity(o, c))) return true;
    const band = bandOf(d);
    return c.slot === 'weight' && c.kg !== undefined && !!band && own.some((o) => o.slot === 'count' && o.counts !== 'packages' && !inBand((c.kg! * 1e6) / o.value, band));
  };
  // Pills are of a drug that comes in tablets: not of hashish, cannabis or cocaine.
  const takesPills = (d: string) => r.drugs.entry(d)?.units?.includes('tablets') ?? true;
  const give = (c: Candidate, drug: string, attach: Candidate['attach']) => {
    c.drug = drug;
    if (c.attach === 'none') c.attach = attach;
  };
  for (const c of candidates) {
    if (c.drug) continue;
    // A quantity of something the registry does not know ("129 kilogram esrar") is not the drug the
    // article names elsewhere (in an article that names none, it goes to the registry's unspecified drug).
    if (c.unknownNoun && drugOrder.length) continue;
    const inSentence = [...new Set(specific.filter((m) => m.start >= c.sentence.start && m.end <= c.sentence.end).map((m) => m.drug))];
    const pills = c.slot === 'count' && c.counts === 'pills';
    const fitting = pills ? inSentence.filter(takesPills) : inSentence;
    if (fitting.length === 1 && (inSentence.length === 1 || pills)) {
      if (!ofAnother(c, fitting[0])) give(c, fitting[0], 'sentence');
      continue;
    }
    if (c.slot === 'weight' && c.kg !== undefined && mainDrug && named(mainDrug, 'weight').length) {
      const fits = drugOrder.find((d) => {
        const band = bandOf(d);
        return d !== mainDrug && band && !named(d, 'weight').length && named(d, 'count').some((o) => inBand((c.kg! * 1e6) / o.value, band));
      });
      if (fits) {
        give(c, fits, 'sentence');
        continue;
      }
    }
    // A sentence that names two drugs, or pills beside drugs that come in none, does not say whose
    // the figure is: it is left for the maintainer rather than given to the article's main drug.
    if (inSentence.length >= 2 || (pills && inSentence.length)) continue;
    if (mainDrug && pills && !takesPills(mainDrug)) {
      const tablets = drugOrder.filter(takesPills);
      if (tablets.length === 1) give(c, tablets[0], 'article');
      continue;
    }
    if (mainDrug) give(c, mainDrug, 'article');
  }
  return { drugOrder, mainDrug };
}

const SUM = 'a sum over a period or over several seizures';
const inBand = (mg: number, band: [number, number]) => mg >= band[0] && mg <= band[1];

/** One seizure per drug that has figures of its own (and the main drug), with the figure of each slot chosen. */
function planSeizures(r: Reading, drugOrder: string[], mainDrug: string | undefined, review: ReviewItem[]): Planned[] {
  const ownFigures = (d: string) => r.candidates.some((c) => c.drug === d && (c.attach === 'named' || c.attach === 'sentence') && !c.not && (c.slot === 'count' || c.slot === 'weight'));
  const seizureDrugs = drugOrder.filter((d) => d === mainDrug || ownFigures(d));
  if (mainDrug && !seizureDrugs.includes(mainDrug)) seizureDrugs.unshift(mainDrug);
  return seizureDrugs.map((drug, i) => planSeizure(r, drug, i, review));
}

function planSeizure(r: Reading, drug: string, index: number, review: ReviewItem[]): Planned {
  const entry = r.drugs.entry(drug);
  const mine = (slot: Candidate['slot'], pred: (c: Candidate) => boolean = () => true) => r.candidates.filter((c) => c.slot === slot && c.drug === drug && pred(c));
  const pills = mine('count', (c) => c.counts !== 'packages');
  const packs = mine('count', (c) => c.counts === 'packages');
  const weights = mine('weight');
  markParts(pills);
  markParts(weights);
  // A weight that makes the count's tablets weigh what the drug's tablets weigh is the seizure's.
  const band = entry?.forms?.find((f) => f.unit_mass_mg)?.unit_mass_mg?.error;
  const count = chooseFigure(pills);
  const fits = count.chosen && band ? (w: Candidate) => w.kg !== undefined && inBand((w.kg * 1e6) / count.chosen!.value, band) : undefined;
  const p: Planned = { drug, entry, count, weight: chooseFigure(weights, fits) };
  if (!p.count.chosen && packs.length) p.packs = chooseFigure(packs);
  const say = (c: Candidate) => `"${r.plain.text.slice(c.start, c.end)}"`;
  // A count and a weight from different sentences that cannot be the same pills (the drug's error
  // band) are not paired: the one said to be a total stays, else the one that is not a sum, else the
  // count; the other is left for the maintainer.
  const cc = p.count.chosen;
  const wc = p.weight.chosen;
  if (band && cc && wc && wc.kg !== undefined) {
    const mg = (wc.kg * 1e6) / cc.value;
    if (!inBand(mg, band)) {
      // In one sentence ("nearly 1.600 kilos … more than 10 million pills"), one of the two is misread
      // or misprinted; the weight, read with a unit and a decimal mark, is the likelier: it is left out.
      const dropWeight = cc.sentence === wc.sentence || (cc.total === wc.total ? !!wc.not || !cc.not : cc.total);
      const [kept, dropped] = dropWeight ? [cc, wc] : [wc, cc];
      review.push({ message: `${say(dropped)} is not taken: with ${say(kept)} it would be ${Math.round(mg)} mg a tablet, outside ${band[0]}–${band[1]} mg; the two do not weigh and count the same pills.`, sentence: r.orig(dropped.sentence) });
      if (dropWeight) p.weight = { same: [], why: '', others: weights };
      else p.count = { same: [], why: '', others: pills };
    }
  }
  // A weight known only as a sum over several finds, not said to be the total, beside a count that is
  // the seizure's own: the sum is of a wider scope ("23 ilde … 1 ton 756 kg"), not taken.
  const w = p.weight.chosen;
  if (w?.not && !w.total && p.count.chosen && !p.count.chosen.not && p.count.chosen.sentence !== w.sentence) {
    review.push({ message: `${say(w)} is not taken as the weight: the article gives it as a sum over several finds or a period.`, sentence: r.orig(w.sentence) });
    p.weight = { same: [], why: '', others: weights };
  }
  // Figures of one slot placed in different countries ("703 pounds … in Germany and 171 pounds … in
  // the Netherlands", "1 ton 105 kg … in Kazakhstan"), none said to be the total: the parts of an
  // operation in several countries; no total is taken.
  for (const name of ['count', 'weight'] as const) {
    const ch = p[name];
    if (!ch.chosen || ch.chosen.total) continue;
    const group = [ch.chosen, ...ch.same, ...ch.others.filter((o) => !o.not && !o.partOf)];
    const placed = new Map<Candidate, string>();
    for (const c of group) {
      const country = placeOfClause(c, r.words, r.places);
      if (country) placed.set(c, country);
    }
    if (new Set(placed.values()).size >= 2 && !group.some((c) => c.total)) {
      for (const [c, country] of placed) c.placePart = country;
      review.push({ pointer: `/seizures/${index}/${name}`, message: `The ${name}s are given per country (${[...placed].map(([c, k]) => `${say(c)} in ${k}`).join(', ')}) and none is said to be the total: recorded as parts, no total taken.` });
      p[name] = { same: [], why: '', others: group.filter((c) => !placed.has(c)), parts: [...placed.keys()] };
    }
  }
  // A total whose parts are seized in different countries ("16 tonnes" found in Hamburg, "7.2 tonnes"
  // in Antwerp, "more than 23 tonnes" in all) is a sum over several seizures, not one seizure's. The
  // part the lead gives is the article's seizure, the others are other seizures; without one in the
  // lead, the parts are recorded with no total.
  for (const [name, list] of [['count', pills], ['weight', weights]] as const) {
    const whole = p[name].chosen;
    if (!whole?.parts || whole.parts.length < 2) continue;
    const parts = whole.parts;
    const countries = parts.map((c) => countryOfFigure(r, c));
    if (countries.some((x) => !x) || new Set(countries).size < 2) continue;
    whole.not = SUM_OF_COUNTRIES;
    whole.parts = undefined;
    // The parts and their other writings ("7.2 tons … in Belgium", "uncovered 7.2 tons") stand alone again.
    const writings = list.filter((c) => c.partOf === whole);
    for (const c of writings) c.partOf = undefined;
    const leadPart = parts.find((c) => c.sentence === r.lead) ?? parts.find((c) => list.some((o) => o.sentence === r.lead && !o.not && sameQuantity(o, c)));
    const here = leadPart && countries[parts.indexOf(leadPart)];
    review.push({ pointer: `/seizures/${index}/${name}`, message: `${say(whole)} adds up seizures in ${[...new Set(countries)].join(' and ')}: not taken as this seizure's ${name}${here ? `; the lead's is taken` : '; the parts are recorded, with no total'}.`, sentence: r.orig(whole.sentence) });
    if (here) {
      const elsewhere = parts.filter((_, k) => countries[k] !== here);
      for (const c of writings) if (elsewhere.some((o) => o === c || sameQuantity(o, c))) c.not ??= OTHER_COUNTRY;
      p[name] = chooseFigure(list, name === 'weight' ? fits : undefined);
    } else {
      parts.forEach((c, k) => (c.placePart = countries[k]));
      p[name] = { same: [], why: '', others: list.filter((c) => !parts.includes(c)), parts };
    }
  }
  return p;
}

const SUM_OF_COUNTRIES = 'a sum over seizures in several countries';
const OTHER_COUNTRY = 'another seizure, in another country';

/**
 * The one country a figure is placed in: by the place named with "in", "at" nearest to it in its
 * clause, else by the places its clause names ("a further 7.2 tonnes … at the Belgian port of
 * Antwerp"), else by any evidence of its sentence ("German officials … 16 tonnes"); routes, borders,
 * datelines, nationalities and partners aside.
 */
function countryOfFigure(r: Reading, c: Candidate): string | undefined {
  const s = c.sentence;
  const evidence = r.places.filter((e) => e.start >= s.start && e.end <= s.end && !e.route && !e.border && !e.dateline && !e.nationality && !e.partner && !e.otherSeizure);
  const k = wordIndexAt(r.words, c.start);
  const sep = (w: Word) => w.kind === 'punct' && [',', ';', '(', ')', '–', '—'].includes(w.raw);
  let a = k;
  while (a > 0 && r.words[a - 1].start >= s.start && !sep(r.words[a - 1])) a--;
  let b = k;
  while (b + 1 < r.words.length && r.words[b + 1].end <= s.end && !sep(r.words[b + 1])) b++;
  // The nearest place named with "in", "at" in its clause: "7.2 tons were seized in Belgium and a suspect was arrested in the Netherlands".
  const distance = (e: PlaceEvidence) => (e.first > k ? e.first - k : k - e.last);
  const inClause = evidence.filter((e) => e.located && e.first >= a && e.last <= b).sort((x, y) => distance(x) - distance(y));
  if (inClause.length && (inClause.length === 1 || distance(inClause[0]) < distance(inClause[1]) || inClause[0].country === inClause[1].country)) return inClause[0].country;
  const named = new Set(evidence.filter((e) => e.first >= a && e.last <= b).map((e) => e.country));
  if (named.size === 1) return [...named][0];
  const found = new Set(evidence.map((e) => e.country));
  return found.size === 1 ? [...found][0] : undefined;
}

/** A seizure of the event: the drug, its form, its figures (the one taken, its other writings, its parts), its street value. */
function seizureOf(r: Reading, p: Planned, i: number, sourceId: string, focus: ReadonlySet<Sentence>, review: ReviewItem[], provenance: Provenance[], quoted: Set<Sentence>): Record<string, unknown> {
  const say = (c: Candidate) => `"${r.plain.text.slice(c.start, c.end)}"`;
  const wordsOf = (c: Candidate) => r.asReported(reportedSpan(r.words, r.mentionAt, c));
  const figureOf = (c: Candidate, unit: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> => {
    const f: Record<string, unknown> = { value: c.value };
    if (unit) f.unit = unit;
    if (c.qualifier !== 'exact') f.qualifier = c.qualifier;
    // A weight says whether it is gross ("peso bruto", "gross weight"); else its basis is unknown.
    if (c.slot === 'weight') f.basis = GROSS.test(r.plain.text.slice(Math.max(c.sentence.start, c.start - 40), c.end)) ? 'gross' : 'unknown';
    Object.assign(f, extra);
    f.as_reported = wordsOf(c);
    f.source = sourceId;
    return f;
  };
  const seizure: Record<string, unknown> = { drug: p.drug };
  const form = formOf(p.entry, p.count.chosen ? 'count' : 'weight');
  if (form) seizure.form = form;
  const slot = (name: 'count' | 'weight', ch: Choice | undefined, unitOf: (c: Candidate) => string | undefined) => {
    if (!ch?.chosen && ch?.parts?.length) {
      // Parts and no total: each part with its label (its country, or its words).
      const list = ch.parts.map((c, k) => {
        const label = c.placePart ? (countryName(c.placePart) ?? c.placePart) : partLabel(r.plain.text, c);
        provenance.push({ pointer: `/seizures/${i}/${name}/${k}`, words: wordsOf(c), sentence: r.orig(c.sentence), why: `a part (${label}); the article gives no total` });
        quoted.add(c.sentence);
        return figureOf(c, unitOf(c), { scope: 'part', part: label });
      });
      seizure[name] = list.length === 1 ? list[0] : list;
      return;
    }
    if (!ch?.chosen) {
      for (const o of ch?.others ?? []) {
        if (o.partOf || o.not === 'bare' || o.not === 'a conversion of the figure before it') continue;
        review.push({ pointer: `/seizures/${i}/${name}`, message: `Not taken as the ${name}: ${say(o)}${o.not ? ` (${o.not})` : ''}.`, sentence: r.orig(o.sentence) });
      }
      return;
    }
    const chosen = ch.chosen;
    const list: Record<string, unknown>[] = [];
    const add = (c: Candidate, extra: Record<string, unknown>, why?: string) => {
      provenance.push({ pointer: `/seizures/${i}/${name}/${list.length}`, words: wordsOf(c), sentence: r.orig(c.sentence), why });
      list.push(figureOf(c, unitOf(c), extra));
      quoted.add(c.sentence);
    };
    add(chosen, chosen.not ? { note: 'The article gives it as a sum over several finds or a period.' } : {}, `believed the seizure's ${name}: ${ch.why}`);
    for (const c of ch.same) add(c, {}, 'another writing of the same quantity');
    for (const c of chosen.parts ?? []) add(c, { scope: 'part', part: partLabel(r.plain.text, c) }, 'a part: with the other parts it makes the total');
    // Several writings of one quantity: where each is printed (the rules read a lead's rounder figure
    // more leniently than two figures of the body).
    if (list.length > 1) {
      const all = [chosen, ...ch.same, ...(chosen.parts ?? [])];
      list.forEach((f, k) => {
        const { source: src, ...rest } = f;
        for (const key of Object.keys(f)) delete f[key];
        Object.assign(f, rest, { where: all[k].sentence.headline ? 'headline' : all[k].sentence === r.lead ? 'lead' : 'body', source: src });
      });
    }
    seizure[name] = list.length === 1 ? list[0] : list;
    for (const o of ch.others) {
      if (o.partOf || o.not === 'a conversion of the figure before it') continue;
      review.push({ pointer: `/seizures/${i}/${name}`, message: `Also in the article, not taken as this seizure's ${name}: ${say(o)} (${o.not ?? `the ${name} taken: ${ch.why}`}).`, sentence: r.orig(o.sentence) });
    }
  };
  const countUnit = countUnitOf(p.entry);
  slot('count', p.count, (c) => (c.counts === 'packages' ? 'packs' : countUnit));
  if (!seizure.count && p.packs) slot('count', p.packs, () => 'packs');
  slot('weight', p.weight, (c) => c.unit);
  if (i === 0) {
    // The value of this seizure: money "worth" or "valued" in a sentence of its figures or of its seizing, not a market's.
    const v = r.candidates.find(
      (c) =>
        c.slot === 'street_value' &&
        !c.not &&
        (focus.has(c.sentence) || wordsIn(r.words, c.sentence).some((_, k, ws) => hasStemAt(ws, k, SEIZE_STEMS))) &&
        /worth|value|valued|wert|valor|valore|valeur|değer|deger|αξια|αξία|قيمه|قيمة|wartos|érték|ertek|thamani/i.test(c.sentence.text) &&
        !/\bmarket is\b|\btrade is\b|\bindustry\b/i.test(c.sentence.text),
    );
    if (v) {
      const money: Record<string, unknown> = { value: v.value, currency: v.currency };
      if (v.qualifier !== 'exact') money.qualifier = v.qualifier;
      money.as_reported = r.asReported(v);
      money.source = sourceId;
      seizure.street_value = money;
      provenance.push({ pointer: `/seizures/${i}/street_value`, words: String(money.as_reported), sentence: r.orig(v.sentence) });
      quoted.add(v.sentence);
    }
  }
  return seizure;
}

/** The date claim (and the announcement's day, when the seizure's is known too); the other dates for review. */
function dateOf(r: Reading, claimed: DateCandidate | undefined, dates: readonly DateCandidate[], sourceId: string, review: ReviewItem[], provenance: Provenance[], quoted: Set<Sentence>): { date: Record<string, unknown> | null; announced?: string } {
  // Two days of the seizure joined by "and" ("on Thursday evening and Friday respectively"): a range.
  const until = claimed && rangeEnd(r, claimed, dates);
  for (const d of dates) if (d !== claimed && d !== until && d.role !== 'other' && d.found.reading) review.push({ pointer: '/date', message: `Another date in the article: "${r.asReported(d)}" (${d.role}, ${d.why}).`, sentence: r.orig(d.sentence) });
  if (!claimed) {
    review.unshift({ pointer: '/date', message: 'No date of the seizure or its announcement was found: date is null.' });
    return { date: null };
  }
  const claim: Record<string, unknown> = {};
  const res: DateCandidate['resolved'] = until ? { from: claimed.resolved!.on!, to: until.resolved!.on!, precision: 'range' } : claimed.resolved;
  if (res) {
    if (res.on) claim.on = res.on;
    if (res.from) claim.from = res.from;
    if (res.to) claim.to = res.to;
    claim.precision = res.precision;
  }
  claim.as_reported = r.asReported(until ? { start: claimed.start, end: until.end } : claimed);
  if (claimed.role === 'announcement') claim.refers_to = 'announcement';
  claim.source = sourceId;
  provenance.push({ pointer: '/date', words: String(claim.as_reported), sentence: r.orig(claimed.sentence), why: `${claimed.role === 'announcement' ? 'the announcement' : 'the seizure'}: ${claimed.why}` });
  quoted.add(claimed.sentence);
  if (!res) review.unshift({ pointer: '/date', message: `"${String(claim.as_reported)}" cannot be placed without ${r.published ? 'its year' : 'the publication date'}: kept as words.`, sentence: r.orig(claimed.sentence) });
  const ann = dates.find((d) => d.role === 'announcement' && d !== claimed && d.resolved?.precision === 'day');
  const announced = claimed.role === 'event' && res?.precision === 'day' && ann?.resolved?.on && ann.resolved.on >= res.on! ? ann.resolved.on : undefined;
  return { date: claim, announced };
}

/** The later day of a range the claimed day opens: the next date of its sentence, of its role, joined by "and", "to", "bis". */
function rangeEnd(r: Reading, claimed: DateCandidate, dates: readonly DateCandidate[]): DateCandidate | undefined {
  if (claimed.role !== 'event' || claimed.resolved?.precision !== 'day') return undefined;
  const next = dates.find((d) => d.sentence === claimed.sentence && d.start >= claimed.end && d !== claimed);
  if (!next || next.role !== claimed.role || next.resolved?.precision !== 'day' || !(next.resolved.on! > claimed.resolved.on!)) return undefined;
  return /^\s*(?:\p{L}+\s+)?(?:and|und|y|e|et|ve|και|i|és|و|to|bis|a|à|till|until)\s*$/u.test(r.plain.text.slice(claimed.end, next.start)) ? next : undefined;
}

/** The event's location, and the sentences that place it quoted. */
function locationOf(r: Reading, location: LocationChoice, provenance: Provenance[], quoted: Set<Sentence>): Record<string, unknown> {
  const sentenceOf = (e: PlaceEvidence) => sentenceAt(r.sentences, e.start);
  if (location.country && location.evidence) {
    const first = location.evidence[0];
    const province = location.evidence.find((e) => e.admin1 && e.admin1.name === location.admin1);
    for (const e of [first, province]) {
      const s = e && sentenceOf(e);
      if (s) quoted.add(s);
    }
    provenance.push({ pointer: '/location/country', words: r.asReported(first), sentence: r.orig(sentenceOf(first)!), why: location.why });
  }
  return {
    country: location.country ?? null,
    admin1: location.admin1 ?? null,
    place: location.place ?? null,
    precision: location.place ? 'town' : location.admin1 ? 'admin1' : location.country ? 'country' : 'unknown',
  };
}

/** `<date>-<cc>-<place>-<drug>`, of what was read: `undated` and `xx` where nothing was. */
function idOf(date: Record<string, unknown> | null, location: LocationChoice, mainDrug: string | undefined): string {
  const on = typeof date?.on === 'string' ? date.on : 'undated';
  const place = slug(location.admin1 ?? (location.country ? countryName(location.country) : '')) || 'unknown';
  return [on, (location.country ?? 'xx').toLowerCase(), place, slug(mainDrug ?? 'unspecified') || 'unspecified'].join('-');
}

/** "More than 1,350,000 Captagon pills seized in Damascus", "About 215 kg of Hashish seized in Spain". */
function titleOf(p: Planned | undefined, mainDrug: string | undefined, location: LocationChoice): string {
  const drugName = p?.entry?.name?.replace(/\s*\([^)]*\)/, '') ?? mainDrug ?? 'drugs';
  const placeName = location.admin1 ?? (location.country ? countryName(location.country) : undefined);
  const where = placeName ? ` in ${placeName}` : '';
  const count = p?.count.chosen ?? p?.packs?.chosen;
  const weight = p?.weight.chosen;
  const what = count ? `${titleFigure(count, 'count')} ${drugName} ${count.counts === 'packages' ? 'packages' : 'pills'}` : weight ? `${titleFigure(weight, 'weight')} ${drugName}` : drugName;
  const title = `${what} seized${where}`;
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** The event's notes: how it was made, and the points to review (in JSON they are the only record of them). */
function notesOf(published: string | undefined, review: readonly ReviewItem[]): string {
  const head = `Drafted from the article by haulcheck extract${published ? '' : ' without a publication date'}: check every value against its quote.`;
  return review.length ? `${head} To review: ${review.map((x) => x.message.replace(/\.$/, '')).join('; ')}.` : head;
}

// ---------------------------------------------------------------------------------------------

/**
 * The registry's drug for figures of a drug the article does not name: one of category `unspecified`
 * the article names ("narcotic pills"), else one for pills (with a tablet form) when the figures count
 * pills, else the first of that category.
 */
function genericDrug(mentions: readonly DrugMention[], drugs: Iterable<DrugEntry>, pills: boolean): string | undefined {
  const named = mentions.find((m) => m.generic);
  if (named) return named.drug;
  const generic = [...drugs].filter((d) => d.category === 'unspecified');
  if (pills) {
    const forPills = generic.find((d) => d.forms?.some((f) => f.form === 'tablet'));
    if (forPills) return forPills.id;
  }
  return generic.find((d) => d.id === 'unspecified')?.id ?? generic[0]?.id;
}

/** The country named with "in", "at" in a figure's clause, not as a place of the route. */
function placeOfClause(c: Candidate, words: readonly Word[], places: readonly PlaceEvidence[]): string | undefined {
  const first = wordIndexAt(words, c.start);
  if (first >= words.length) return undefined;
  const and = new Set(['and', 'und', 'y', 'e', 'et', 've', 'και', 'i', 'es', 'na', 'و']);
  const sep = (w: Word) => (w.kind === 'punct' && [',', ';', '(', ')'].includes(w.raw)) || (w.kind === 'word' && and.has(w.text));
  let a = first;
  while (a > 0 && words[a - 1].start >= c.sentence.start && !sep(words[a - 1])) a--;
  let b = first;
  while (b + 1 < words.length && words[b + 1].end <= c.sentence.end && !sep(words[b + 1])) b++;
  const found = places.filter((e) => e.located && !e.route && !e.border && !e.otherSeizure && e.kind !== 'province' && e.start >= words[a].start && e.end <= words[b].end);
  return found.length === 1 ? found[0].country : undefined;
}

const GROSS = /\bgross\b|\bbrut\b|\bbruto\b|\blordo\b|\bbrutto\b|μικτ|القائم/iu;

const slug = (s: string) =>
  foldWord(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** The text of an offset range as given (markup kept out: the longest run without a tag). */
function verbatim(original: string, plain: ReturnType<typeof plainText>, start: number, end: number): string {
  const a = plain.toOriginal(start);
  const b = plain.toOriginal(end);
  const s = original.slice(a, b);
  if (!s.includes('<')) return s;
  // Words split by markup: the run that starts them (the number and its hedge).
  return s.split(/<[^>]*>/).find((x) => x.trim())?.trim() ?? '';
}

/** The words a figure is recorded with: its hedge, number and unit, and the noun and drug right after ("… Captagon pills", "… of narcotics"). */
function reportedSpan(words: readonly Word[], mentionAt: ReadonlyMap<number, DrugMention>, c: Candidate): { start: number; end: number } {
  let end = c.end;
  let i = wordIndexAt(words, c.end);
  if (i >= words.length) return { start: c.start, end };
  const stop = c.sentence.end;
  for (let n = 0; n < 4 && i < words.length && words[i].start < stop; n++, i++) {
    const w = words[i];
    if (w.kind === 'punct') {
      if ('"“”„«»\''.includes(w.raw)) continue;
      break;
    }
    const m = mentionAt.get(i);
    if (m) {
      end = m.end;
      break;
    }
    if (COUNT_WORDS.test(w.text) || (c.noun && w.text === c.noun && c.slot !== 'weight')) {
      end = w.end;
      continue;
    }
    if (!['of', 'de', 'di', 'del', 'du', 'des', 'των', 'του', 'τησ', 'za', 'ya', 'من', 'adet'].includes(w.text)) break;
  }
  return { start: c.start, end };
}

const COUNT_WORDS = /^(?:people|persons?|suspects?|men|members|individuals|nationals|citizens|pills?|tablets?|capsules?|packages?|parcels?|packets?|bricks?|narcotics?|drugs?|pillen|tabletten|pastillas|comprimidos|compresse|pillole|comprimes|pilules|hap|hapi|χαπια|δισκια|tabletek|tabletki|tabletta|vidonge|حبه|حبات|حبوب|اقراص|fardos|paquetes|paketen|pakete|πακετα)$/u;

/** A part's label: its words. */
function partLabel(text: string, c: Candidate): string {
  return text.slice(c.start, c.end).slice(0, 60);
}

function countUnitOf(entry: DrugEntry | undefined): string {
  const units = entry?.units ?? ['tablets'];
  for (const u of ['tablets', 'bricks', 'bars', 'capsules', 'packs']) if (units.includes(u)) return u;
  return 'tablets';
}

function formOf(entry: DrugEntry | undefined, slot: 'count' | 'weight'): string | undefined {
  const forms = entry?.forms?.map((f) => f.form) ?? [];
  if (slot === 'count' && forms.includes('tablet')) return 'tablet';
  return forms.length === 1 ? forms[0] : undefined;
}

const QUALIFIER_WORDS: Partial<Record<Qualifier, string>> = { about: 'about ', more_than: 'more than ', at_least: 'at least ', nearly: 'nearly ', less_than: 'less than ', up_to: 'up to ' };

function titleFigure(c: Candidate, slot: 'count' | 'weight'): string {
  const n = c.value.toLocaleString('en-US', { maximumFractionDigits: 3 });
  const unit = slot === 'weight' ? ` ${c.unit === 't' ? 'tonnes' : c.unit === 'ton' ? 'tons' : c.unit} of` : '';
  return `${QUALIFIER_WORDS[c.qualifier] ?? ''}${n}${unit}`;
}

/**
 * The date claim: one that can be placed first, then a seizure's before an announcement's, then one in
 * the clause of the figures, then the first. A year alone ("in 2025") only with the figures.
 */
function chooseDate(dates: readonly DateCandidate[]): DateCandidate | undefined {
  const usable = dates.filter((d) => d.role !== 'other' && (d.found.reading?.level !== 'year' || d.found.reading.relative || d.withFigure));
  const score = (d: DateCandidate) => [d.resolved ? 1 : 0, d.role === 'event' ? 1 : 0, d.withFigure ? 1 : 0, d.sentence.headline ? 0 : 1, -d.start];
  return [...usable].sort((a, b) => {
    const x = score(a);
    const y = score(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i] - x[i];
    return 0;
  })[0];
}

/** The last day a resolved date allows: "2025-07" → 2025-07-31; a week's first day → its seventh. */
function lastDayOf(on: string, precision: string): string {
  if (on.length === 4) return `${on}-12-31`;
  if (on.length === 7) return `${on}-${String(daysInMonth(Number(on.slice(0, 4)), Number(on.slice(5, 7)))).padStart(2, '0')}`;
  return precision === 'week' ? fromDayNumber(dayNumber(on) + 6) : on;
}

function wordsIn(words: readonly Word[], s: Sentence): Word[] {
  return words.filter((w) => w.start >= s.start && w.end <= s.end);
}

/** The arrests: the number of people a sentence says were arrested, when it gives one. */
function chooseArrests(cands: readonly Candidate[], review: ReviewItem[], orig: (s: Sentence) => string): Candidate | undefined {
  const bySentence = new Map<Sentence, Candidate[]>();
  for (const c of cands) bySentence.set(c.sentence, [...(bySentence.get(c.sentence) ?? []), c]);
  for (const [s, list] of bySentence) {
    if (list.length === 1) return list[0];
    review.push({ pointer: '/arrests', message: `Several numbers of people in one sentence (${list.map((c) => c.value).join(', ')}): arrests left out.`, sentence: orig(s) });
  }
  return undefined;
}

/**
 * The spans of words about another seizure (OTHER_SEIZURE_RES): from the words to the end of their
 * sentence or to a colon. Not in the headline or the lead, where "another" is this seizure said to be
 * one more ("Police made another major bust on Friday").
 */
function otherSeizureSpans(words: readonly Word[], sentences: readonly Sentence[], lead: Sentence | undefined): [number, number][] {
  const spans: [number, number][] = [];
  for (const s of sentences) {
    if (s.headline || s === lead) continue;
    const ws = wordsIn(words, s);
    if (ws.length < 2) continue;
    // The folded words joined by spaces, and the offset in that string where each word starts.
    let joined = ' ';
    const at: number[] = [];
    for (const w of ws) {
      at.push(joined.length);
      joined += w.text + ' ';
    }
    let from = -1;
    for (const re of OTHER_SEIZURE_RES) {
      const m = re.exec(joined);
      if (!m) continue;
      const k = at.findIndex((o) => o > m.index);
      if (k >= 0 && (from < 0 || k < from)) from = k;
    }
    if (from < 0) continue;
    const stop = ws.findIndex((w, k) => k > from && w.kind === 'punct' && (w.raw === ':' || w.raw === ';'));
    spans.push([ws[from].start, stop >= 0 ? ws[stop].start : s.end]);
  }
  return spans;
}

export const inSpans = (spans: readonly (readonly [number, number])[], offset: number) => spans.some(([a, b]) => offset >= a && offset < b);

/** Relative words that put a day a week or more before the article, whatever its date: "two weeks ago", "vor drei Monaten", "last year". */
function weeksBefore(r: NonNullable<FoundDate['reading']>): boolean {
  const rel = r.relative;
  if (!rel) return false;
  const n = rel.count ?? 1;
  if (rel.mode === 'ago') return (rel.unit === 'day' && n >= 8) || (rel.unit === 'week' && n >= 2) || rel.unit === 'month' || rel.unit === 'year';
  return rel.mode === 'last' && rel.unit === 'year';
}
