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
import type { AgencyEntry, DrugEntry, Registries } from '../model/dataset';
import type { Qualifier } from '../model/event';
import { findDates } from '../read/date-words';
import { foldWord } from '../read/date-vocabulary';
import { countryName } from '../read/places';
import { KG_PER_UNIT } from '../read/units';
import { drugMatcher, type DrugMention } from './drugs';
import { type Candidate, type Choice, chooseFigure, markParts, scanFigures } from './figures';
import { type DateCandidate, type ResolvedDate, hasStemAt, resolve, scanDates } from './dates';
import { dayNumber, daysInMonth, fromDayNumber } from '../read/calendar';
import { type PlaceEvidence, findPlaces } from './places';
import { type Subdivision, subdivisionsOf } from '../read/places';
import { ANNOUNCE_STEMS, SEIZE_STEMS } from './lexicon';
import { type Sentence, type Word, detectLanguage, isReadLanguage, plainText, sentencesOf, wordsOf } from './text';

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

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

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

/** Reads an article into a draft event. */
export function extractArticle(input: ArticleInput): Draft {
  const original = input.text;
  const published = input.published && /^\d{4}-\d{2}-\d{2}$/.test(input.published) ? input.published : undefined;
  const sourceId = input.sourceId ?? sourceIdOf(input.publisher, input.url);
  const messages: string[] = [];
  const guess = detectLanguage(original);
  const language = (input.language ?? guess?.language)?.toLowerCase();
  if (!language) messages.push('The language of the text could not be told; give it (en, de, es, it, fr, tr, el, ar, pl, hu, sw).');
  const read = !!language && isReadLanguage(language);
  if (language && !read) messages.push(`The text is in a language the readers do not read (${language}); the draft is empty: enter its values by hand.`);
  const lang = language?.split(/[-_]/)[0];
  if (!published) messages.push('No publication date: weekdays and relative dates ("on Sunday", "last week") are kept as words only.');

  const plain = plainText(original);
  const sentences = sentencesOf(plain.text);
  const orig = (s: Sentence) => original.slice(plain.toOriginal(s.start), plain.toOriginal(s.end));
  const source: Record<string, unknown> = {
    id: sourceId,
    publisher: input.publisher?.trim() || 'TODO: the outlet',
    url: input.url ?? null,
    published: published ?? null,
  };
  if (!published) source.published_note = input.publishedNote ?? 'The article was read without its publication date.';
  else if (input.publishedNote) source.published_note = input.publishedNote;
  if (language) source.language = language;

  if (!read || sentences.length === 0) {
    if (sentences.length === 0) messages.push('The text holds no sentence to read.');
    source.quotes = sentences.length ? [orig(sentences[0])] : ['TODO: the sentences the figures and dates come from, verbatim'];
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

  const words = wordsOf(plain.text);
  const registryAgencies = [...(input.registries?.agencies.values() ?? [])].flatMap((a) =>
    typeof a.country === 'string' ? [a.name, a.short_name, ...((a as { aliases?: string[] }).aliases ?? [])].filter((n): n is string => typeof n === 'string' && n.includes(' ')).map((n) => ({ words: n.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(foldWord), country: a.country! })) : [],
  );
  const places = findPlaces(words, lang, registryAgencies);
  const drugs = drugMatcher(input.registries?.drugs.values() ?? []);
  const mentions = drugs.find(words);
  const found = findDates(plain.text, lang);
  const dateSpans = found.map((f) => [f.start, f.end] as [number, number]);
  const candidates = scanFigures({ text: plain.text, language: lang, sentences, words, drugs, mentions, dateSpans });
  const review: ReviewItem[] = [];
  const provenance: Provenance[] = [];
  const quoted = new Set<Sentence>();

  // A figure in a sentence dated a week or more before the article is another, earlier seizure's.
  if (published) {
    const weekBefore = fromDayNumber(dayNumber(published) - 7);
    for (const c of candidates) {
      const old = found.some((f) => {
        if (!f.reading || f.start < c.sentence.start || f.end > c.sentence.end) return false;
        const r = resolve(f.reading, published);
        const end = r?.to ?? (r?.on ? lastDayOf(r.on, r.precision) : undefined);
        return !!end && end < weekBefore;
      });
      if (old) c.background = true;
    }
  }

  // The drugs: the main one has the most figures named with it, then the most mentions, then comes first.
  const specific = mentions.filter((m) => !m.generic);
  const sentenceOfWord = (i: number) => sentences.find((s) => words[i].start >= s.start && words[i].start < s.end);
  const stats = new Map<string, { named: number; mentions: number; first: number }>();
  for (const m of specific) {
    const s = stats.get(m.drug) ?? { named: 0, mentions: 0, first: m.start };
    s.mentions++;
    stats.set(m.drug, s);
  }
  for (const c of candidates) if (c.drug && c.attach === 'named' && !c.not && (c.slot === 'count' || c.slot === 'weight')) stats.get(c.drug)!.named++;
  const drugOrder = [...stats.entries()].sort((a, b) => b[1].named - a[1].named || b[1].mentions - a[1].mentions || a[1].first - b[1].first).map(([d]) => d);
  const figures = candidates.filter((c) => (c.slot === 'count' || c.slot === 'weight') && (!c.not || c.not === 'a sum over a period or over several seizures'));
  // Without a drug named, figures go to the registry's drug for what the article does not name
  // ("tablets with narcotic additives", "461 Kilogramm Tabletten"): never to a drug it does not name.
  const mainDrug = drugOrder[0] ?? (figures.length ? genericDrug(mentions, input.registries?.drugs.values() ?? [], figures.some((c) => c.slot === 'count' && c.counts !== 'packages')) : undefined);
  // Figures whose words name no drug take the one drug their sentence names; a weight of "the drugs"
  // that the main drug's own weight contradicts goes to the drug whose count it fits; else the main drug.
  const bandOf = (drug: string) => drugs.entry(drug)?.forms?.find((f) => f.unit_mass_mg)?.unit_mass_mg?.error;
  for (const c of candidates) {
    if (c.drug) continue;
    const inSentence = new Set(specific.filter((m) => m.start >= c.sentence.start && m.end <= c.sentence.end).map((m) => m.drug));
    if (inSentence.size === 1) {
      c.drug = [...inSentence][0];
      if (c.attach === 'none') c.attach = 'sentence';
      continue;
    }
    if (c.slot === 'weight' && c.kg !== undefined && mainDrug) {
      const mainHasWeight = candidates.some((o) => o.drug === mainDrug && o.slot === 'weight' && o.attach === 'named' && !o.not);
      const fits = drugOrder.find((d) => {
        const band = bandOf(d);
        const counts = candidates.filter((o) => o.drug === d && o.slot === 'count' && o.attach === 'named' && !o.not);
        const hasWeight = candidates.some((o) => o.drug === d && o.slot === 'weight' && o.attach === 'named' && !o.not);
        return d !== mainDrug && band && !hasWeight && counts.some((o) => {
          const mg = (c.kg! * 1e6) / o.value;
          return mg >= band[0] && mg <= band[1];
        });
      });
      if (mainHasWeight && fits) {
        c.drug = fits;
        if (c.attach === 'none') c.attach = 'sentence';
        continue;
      }
    }
    if (mainDrug) {
      c.drug = mainDrug;
      if (c.attach === 'none') c.attach = 'article';
    }
  }

  // One seizure per drug that has figures of its own (and the main drug).
  const seizureDrugs = drugOrder.filter((d) => d === mainDrug || candidates.some((c) => c.drug === d && (c.attach === 'named' || c.attach === 'sentence') && !c.not && (c.slot === 'count' || c.slot === 'weight')));
  if (mainDrug && !seizureDrugs.includes(mainDrug)) seizureDrugs.unshift(mainDrug);

  interface Planned {
    drug: string;
    entry?: DrugEntry;
    count: Choice;
    weight: Choice;
    packs?: Choice;
  }
  const planned: Planned[] = [];
  for (const drug of seizureDrugs) {
    const entry = drugs.entry(drug);
    const mine = (slot: Candidate['slot'], pred: (c: Candidate) => boolean = () => true) => candidates.filter((c) => c.slot === slot && c.drug === drug && pred(c));
    const pills = mine('count', (c) => c.counts !== 'packages');
    const packs = mine('count', (c) => c.counts === 'packages');
    const weights = mine('weight');
    markParts(pills);
    markParts(weights);
    // A weight that makes the count's tablets weigh what the drug's tablets weigh is the seizure's.
    const count = chooseFigure(pills);
    const fitsBand = entry?.forms?.find((f) => f.unit_mass_mg)?.unit_mass_mg?.error;
    const fits = count.chosen && fitsBand ? (w: Candidate) => w.kg !== undefined && (w.kg * 1e6) / count.chosen!.value >= fitsBand[0] && (w.kg * 1e6) / count.chosen!.value <= fitsBand[1] : undefined;
    const p: Planned = { drug, entry, count, weight: chooseFigure(weights, fits) };
    if (!p.count.chosen && packs.length) p.packs = chooseFigure(packs);
    // A count and a weight from different sentences that cannot be the same pills (the drug's
    // error band) are not paired: the one said to be a total stays, else the one that is not a sum,
    // else the count; the other is left for the maintainer.
    const band = entry?.forms?.find((f) => f.unit_mass_mg)?.unit_mass_mg?.error;
    const cc = p.count.chosen;
    const wc = p.weight.chosen;
    if (band && cc && wc && cc.sentence !== wc.sentence && wc.kg !== undefined) {
      const mg = (wc.kg * 1e6) / cc.value;
      if (mg < band[0] || mg > band[1]) {
        const dropWeight = cc.total === wc.total ? !!wc.not || !cc.not : cc.total;
        const [kept, dropped] = dropWeight ? [cc, wc] : [wc, cc];
        review.push({ message: `${words2(plain.text, dropped)} is not taken: with ${words2(plain.text, kept)} it would be ${Math.round(mg)} mg a tablet, outside ${band[0]}–${band[1]} mg; the two do not weigh and count the same pills.`, sentence: orig(dropped.sentence) });
        if (dropWeight) p.weight = { same: [], why: '', others: weights };
        else p.count = { same: [], why: '', others: pills };
      }
    }
    // A weight known only as a sum over several finds, not said to be the total, beside a count that is
    // the seizure's own: the sum is of a wider scope ("23 ilde … 1 ton 756 kg"), not taken.
    if (p.weight.chosen?.not && !p.weight.chosen.total && p.count.chosen && !p.count.chosen.not && p.count.chosen.sentence !== p.weight.chosen.sentence) {
      review.push({ message: `${words2(plain.text, p.weight.chosen)} is not taken as the weight: the article gives it as a sum over several finds or a period.`, sentence: orig(p.weight.chosen.sentence) });
      p.weight = { same: [], why: '', others: weights };
    }
    // Figures of one slot placed in different countries ("703 pounds … in Germany and 171 pounds …
    // in the Netherlands", "1 ton 105 kg … in Kazakhstan"), none said to be the total: the parts of
    // an operation in several countries; no total is taken.
    for (const name of ['count', 'weight'] as const) {
      const ch = p[name];
      if (!ch.chosen || ch.chosen.total) continue;
      const group = [ch.chosen, ...ch.same, ...ch.others.filter((o) => !o.not && !o.partOf)];
      const placed = new Map<Candidate, string>();
      for (const c of group) {
        const country = placeOfClause(c, words, places);
        if (country) placed.set(c, country);
      }
      if (new Set(placed.values()).size >= 2 && !group.some((c) => c.total)) {
        for (const [c, country] of placed) c.placePart = country;
        review.push({ pointer: `/seizures/${planned.length}/${name}`, message: `The ${name}s are given per country (${[...placed].map(([c, k]) => `${words2(plain.text, c)} in ${k}`).join(', ')}) and none is said to be the total: recorded as parts, no total taken.` });
        p[name] = { same: [], why: '', others: group.filter((c) => !placed.has(c)), parts: [...placed.keys()] };
      }
    }
    planned.push(p);
  }
  if (planned.length === 0) review.push({ message: 'No drug of the registry is named: add the seizure by hand.' });
  else if (!drugOrder.length && !mentions.some((m) => m.generic)) review.push({ pointer: '/seizures/0/drug', message: `The article names no drug of the registry: its figures are recorded under ${mainDrug}; name the drug.` });

  // The dates.
  const lead = sentences.find((x) => !x.headline);
  const chosenAt: number[] = [];
  const otherAt: number[] = [];
  for (const p of planned) {
    for (const ch of [p.count, p.weight, p.packs]) {
      if (!ch) continue;
      if (ch.chosen) chosenAt.push(ch.chosen.start, ...ch.same.map((c) => c.start), ...(ch.chosen.parts ?? []).map((c) => c.start));
      // A figure of the lead is about the event, even when another writing was taken (a misprint).
      for (const o of ch.others) if (!o.partOf && !o.not && o.sentence !== lead) otherAt.push(o.start);
      for (const c of ch.parts ?? []) chosenAt.push(c.start);
    }
  }
  const drugAt = new Set(specific.map((m) => m.first));
  const dates = scanDates({ text: plain.text, language: lang, sentences, words, published, chosenAt, otherAt, drugAt });
  const dateClaim = chooseDate(dates);

  const focus = new Set<Sentence>();
  for (const p of planned) for (const ch of [p.count, p.weight, p.packs]) if (ch?.chosen) focus.add(ch.chosen.sentence);
  if (dateClaim) focus.add(dateClaim.sentence);
  // Sentences about other seizures (their figures were not taken) place nothing.
  const ignore = new Set<Sentence>();
  for (const p of planned) for (const ch of [p.count, p.weight]) for (const o of ch.others) if (!o.not && !o.partOf && !o.placePart && o.sentence !== lead && !focus.has(o.sentence)) ignore.add(o.sentence);
  const location = chooseLocation(places, sentences, words, focus, ignore, chosenAt, review);

  // The arrests.
  const arrests = chooseArrests(candidates.filter((c) => c.slot === 'arrests' && !c.not && !ignore.has(c.sentence)), review, orig);

  // The agencies of the registry the article names.
  const relevant = (offset: number) => {
    const s = sentences.find((x) => offset >= x.start && offset < x.end);
    return !!s && !ignore.has(s) && (focus.has(s) || wordsIn(words, s).some((_, k, ws) => hasStemAt(ws, k, SEIZE_STEMS)));
  };
  const agencies = findAgencies(words, input.registries?.agencies.values() ?? [], relevant);

  // ------------------------------------------------------------------------------------------
  // The event.
  const asReported = (c: { start: number; end: number }) => verbatim(original, plain, c.start, c.end);
  const figureOf = (c: Candidate, unit: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> => {
    const f: Record<string, unknown> = { value: c.value };
    if (unit) f.unit = unit;
    if (c.qualifier !== 'exact') f.qualifier = c.qualifier;
    // A weight says whether it is gross ("peso bruto", "gross weight"); else its basis is unknown.
    if (c.slot === 'weight') f.basis = GROSS.test(plain.text.slice(Math.max(c.sentence.start, c.start - 40), c.end)) ? 'gross' : 'unknown';
    Object.assign(f, extra);
    f.as_reported = asReported(reportedSpan(words, mentions, c));
    f.source = sourceId;
    return f;
  };
  const seizures: Record<string, unknown>[] = [];
  planned.forEach((p, i) => {
    const seizure: Record<string, unknown> = { drug: p.drug };
    const form = formOf(p.entry, p.count?.chosen ? 'count' : 'weight');
    if (form) seizure.form = form;
    const slot = (name: 'count' | 'weight', ch: Choice | undefined, unitOf: (c: Candidate) => string | undefined) => {
      if (!ch?.chosen && ch?.parts?.length) {
        const list = ch.parts.map((c, k) => {
          const label = c.placePart ? (countryName(c.placePart) ?? c.placePart) : partLabel(plain.text, words, c);
          provenance.push({ pointer: `/seizures/${i}/${name}/${k}`, words: asReported(reportedSpan(words, mentions, c)), sentence: orig(c.sentence), why: `a part (${label}); the article gives no total` });
          quoted.add(c.sentence);
          return figureOf(c, unitOf(c), { scope: 'part', part: label });
        });
        seizure[name] = list.length === 1 ? list[0] : list;
        return;
      }
      if (!ch?.chosen) {
        for (const o of ch?.others ?? []) if (!o.not && !o.partOf) review.push({ pointer: `/seizures/${i}/${name}`, message: `Not taken as the ${name}: ${words2(plain.text, o)}${o.not ? ` (${o.not})` : ''}.`, sentence: orig(o.sentence) });
        return;
      }
      const list: Record<string, unknown>[] = [];
      const add = (c: Candidate, extra: Record<string, unknown>, why?: string) => {
        const pointer = `/seizures/${i}/${name}/${list.length}`;
        list.push(figureOf(c, unitOf(c), extra));
        provenance.push({ pointer, words: asReported(reportedSpan(words, mentions, c)), sentence: orig(c.sentence), why });
        quoted.add(c.sentence);
      };
      add(ch.chosen, ch.chosen.not ? { note: 'The article gives it as a sum over several finds or a period.' } : {}, `believed the seizure's ${name}: ${ch.why}`);
      for (const c of ch.same) add(c, {}, 'another writing of the same quantity');
      for (const c of ch.chosen.parts ?? []) add(c, { scope: 'part', part: partLabel(plain.text, words, c) }, 'a part: with the other parts it makes the total');
      // Several writings of one quantity: say where each is printed (the rules read a lead's rounder
      // figure more leniently than two figures of the body).
      if (list.length > 1) {
        const all = [ch.chosen, ...ch.same, ...(ch.chosen.parts ?? [])];
        list.forEach((f, k) => {
          const c = all[k];
          const where = c.sentence.headline ? 'headline' : c.sentence === lead ? 'lead' : 'body';
          const { source: src, ...rest } = f;
          for (const key of Object.keys(f)) delete f[key];
          Object.assign(f, rest, { where, source: src });
        });
      }
      seizure[name] = list.length === 1 ? list[0] : list;
      for (const o of ch.others) {
        if (o.partOf || o.not === 'a conversion of the figure before it') continue;
        review.push({ pointer: `/seizures/${i}/${name}`, message: `Also in the article, not taken as this seizure's ${name}: ${words2(plain.text, o)}${o.not ? ` (${o.not})` : ` (the ${name} taken: ${ch.why})`}.`, sentence: orig(o.sentence) });
      }
    };
    const countUnit = countUnitOf(p.entry);
    slot('count', p.count, (c) => (c.counts === 'packages' ? 'packs' : countUnit));
    if (!seizure.count && p.packs) slot('count', p.packs, () => 'packs');
    slot('weight', p.weight, (c) => c.unit);
    if (i === 0) {
      // The value of this seizure: money "worth" or "valued" in a sentence of its figures or of its seizing, not a market's.
      const values = candidates.filter(
        (c) =>
          c.slot === 'street_value' &&
          !c.not &&
          (focus.has(c.sentence) || wordsIn(words, c.sentence).some((_, k, ws) => hasStemAt(ws, k, SEIZE_STEMS))) &&
          /worth|value|valued|wert|valor|valore|valeur|değer|deger|αξια|αξία|قيمه|قيمة|wartos|érték|ertek|thamani/i.test(c.sentence.text) &&
          !/\bmarket is\b|\btrade is\b|\bindustry\b/i.test(c.sentence.text),
      );
      if (values.length) {
        const v = values[0];
        const money: Record<string, unknown> = { value: v.value, currency: v.currency };
        if (v.qualifier !== 'exact') money.qualifier = v.qualifier;
        money.as_reported = asReported(v);
        money.source = sourceId;
        seizure.street_value = money;
        provenance.push({ pointer: `/seizures/${i}/street_value`, words: asReported(v), sentence: orig(v.sentence) });
        quoted.add(v.sentence);
      }
    }
    seizures.push(seizure);
  });

  let date: unknown = null;
  let announced: string | undefined;
  if (dateClaim) {
    const claim: Record<string, unknown> = {};
    if (dateClaim.resolved) {
      const r = dateClaim.resolved;
      if (r.on) claim.on = r.on;
      if (r.from) claim.from = r.from;
      if (r.to) claim.to = r.to;
      claim.precision = r.precision;
    }
    claim.as_reported = asReported(dateClaim);
    if (dateClaim.role === 'announcement') claim.refers_to = 'announcement';
    claim.source = sourceId;
    date = claim;
    provenance.push({ pointer: '/date', words: String(claim.as_reported), sentence: orig(dateClaim.sentence), why: `${dateClaim.role === 'announcement' ? 'the announcement' : 'the seizure'}: ${dateClaim.why}` });
    quoted.add(dateClaim.sentence);
    if (!dateClaim.resolved) review.push({ pointer: '/date', message: `"${claim.as_reported}" cannot be placed without ${published ? 'its year' : 'the publication date'}: kept as words.`, sentence: orig(dateClaim.sentence) });
    // The announcement's day, when the seizure's is known too.
    const ann = dates.find((d) => d.role === 'announcement' && d !== dateClaim && d.resolved?.precision === 'day');
    if (dateClaim.role === 'event' && dateClaim.resolved?.precision === 'day' && ann?.resolved?.on && ann.resolved.on >= dateClaim.resolved.on!) announced = ann.resolved.on;
  } else review.push({ pointer: '/date', message: 'No date of the seizure or its announcement was found: date is null.' });
  for (const d of dates) if (d !== dateClaim && d.role !== 'other' && d.found.reading) review.push({ pointer: '/date', message: `Another date in the article: "${verbatim(original, plain, d.start, d.end)}" (${d.role}, ${d.why}).`, sentence: orig(d.sentence) });

  // Quoted for the place: the sentence that names it, and the one of the province.
  if (location.evidence) {
    const cited = [location.evidence[0], location.evidence.find((e) => e.admin1 && e.admin1.name === location.admin1)];
    for (const e of cited) {
      const s = e && sentences.find((x) => e.start >= x.start && e.start < x.end);
      if (s) quoted.add(s);
    }
  }
  const eventLocation: Record<string, unknown> = {
    country: location.country ?? null,
    admin1: location.admin1 ?? null,
    place: location.place ?? null,
    precision: location.place ? 'town' : location.admin1 ? 'admin1' : location.country ? 'country' : 'unknown',
  };
  if (location.country) {
    const e = location.evidence![0];
    const s = sentences.find((x) => e.start >= x.start && e.start < x.end)!;
    provenance.push({ pointer: '/location/country', words: verbatim(original, plain, e.start, e.end), sentence: orig(s), why: location.why });
  }

  let arrestsFigure: Record<string, unknown> | undefined;
  if (arrests) {
    arrestsFigure = { value: arrests.value, unit: 'persons' };
    if (arrests.qualifier !== 'exact') arrestsFigure.qualifier = arrests.qualifier;
    arrestsFigure.as_reported = asReported(reportedSpan(words, mentions, arrests));
    arrestsFigure.source = sourceId;
    provenance.push({ pointer: '/arrests', words: String(arrestsFigure.as_reported), sentence: orig(arrests.sentence) });
    quoted.add(arrests.sentence);
  }

  const quotes = [...quoted].sort((a, b) => a.start - b.start).map(orig);
  source.quotes = quotes.length ? quotes : [orig(sentences[0])];

  const mainPlanned = planned[0];
  const mainFigure = mainPlanned?.count?.chosen ?? mainPlanned?.packs?.chosen ?? mainPlanned?.weight?.chosen;
  const drugName = mainPlanned?.entry?.name?.replace(/\s*\([^)]*\)/, '') ?? mainDrug ?? 'drugs';
  const placeName = location.admin1 ?? (location.country ? countryName(location.country) : undefined);
  const onDate = typeof (date as Record<string, unknown> | null)?.on === 'string' ? String((date as Record<string, unknown>).on) : undefined;
  const id = [onDate ?? 'undated', (location.country ?? 'xx').toLowerCase(), slug(location.admin1 ?? (location.country ? countryName(location.country) ?? '' : '') ) || 'unknown', slug(mainDrug ?? 'unspecified') || 'unspecified'].join('-');
  const title = mainFigure
    ? `${titleFigure(mainFigure, mainPlanned.count?.chosen ? 'count' : 'weight')} ${mainPlanned.count?.chosen && !mainPlanned.count.chosen.drug ? '' : ''}${drugName}${mainPlanned.count?.chosen ? ' pills' : ''} seized${placeName ? ` in ${placeName}` : ''}`
    : `${drugName} seized${placeName ? ` in ${placeName}` : ''}`;

  const notes = [`Drafted from the article by haulcheck extract${published ? '' : ' without a publication date'}: check every value against its quote.`];
  const event: Record<string, unknown> = { id, status: 'draft', type: 'seizure', title: title.charAt(0).toUpperCase() + title.slice(1), notes: notes.join(' '), date };
  if (announced) event.announced = announced;
  event.location = eventLocation;
  if (agencies.length) event.agencies = agencies.map((a) => ({ agency: a.id, role: a.role }));
  event.seizures = seizures;
  if (arrestsFigure) event.arrests = arrestsFigure;
  event.sources = [source];
  return { event, provenance, review, language, read: true, messages };
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
  const first = words.findIndex((w) => w.start >= c.start);
  if (first < 0) return undefined;
  const and = new Set(['and', 'und', 'y', 'e', 'et', 've', 'και', 'i', 'es', 'na', 'و']);
  const sep = (w: Word) => (w.kind === 'punct' && [',', ';', '(', ')'].includes(w.raw)) || (w.kind === 'word' && and.has(w.text));
  let a = first;
  while (a > 0 && words[a - 1].start >= c.sentence.start && !sep(words[a - 1])) a--;
  let b = first;
  while (b + 1 < words.length && words[b + 1].end <= c.sentence.end && !sep(words[b + 1])) b++;
  const found = places.filter((e) => e.located && !e.route && e.kind !== 'province' && e.start >= words[a].start && e.end <= words[b].end);
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

/** A candidate's words for a message: "more than 1.35 million Captagon pills". */
function words2(text: string, c: Candidate): string {
  return `"${text.slice(c.start, c.end)}"`;
}

/** The words a figure is recorded with: its hedge, number and unit, and the noun and drug right after ("… Captagon pills", "… of narcotics"). */
function reportedSpan(words: readonly Word[], mentions: readonly DrugMention[], c: Candidate): { start: number; end: number } {
  let end = c.end;
  let i = words.findIndex((w) => w.start >= c.end);
  if (i < 0) return { start: c.start, end };
  const stop = c.sentence.end;
  for (let n = 0; n < 4 && i < words.length && words[i].start < stop; n++, i++) {
    const w = words[i];
    if (w.kind === 'punct') {
      if ('"“”„«»\''.includes(w.raw)) continue;
      break;
    }
    const m = mentions.find((x) => x.first === i);
    if (m) {
      end = m.end;
      break;
    }
    if (COUNT_WORDS.test(w.text) || (c.noun && w.text === c.noun && c.slot !== 'weight')) {
      end = w.end;
      continue;
    }
    if (!['of', 'de', 'di', 'del', 'du', 'des', 'των', 'του', 'της', 'za', 'ya', 'من', 'adet'].includes(w.text)) break;
  }
  return { start: c.start, end };
}

const COUNT_WORDS = /^(?:people|persons?|suspects?|men|members|individuals|nationals|citizens|pills?|tablets?|capsules?|packages?|parcels?|packets?|bricks?|narcotics?|drugs?|pillen|tabletten|pastillas|comprimidos|compresse|pillole|comprimes|pilules|hap|hapi|χαπια|δισκια|tabletek|tabletki|tabletta|vidonge|حبه|حبات|حبوب|اقراص|fardos|paquetes|paketen|pakete|πακετα)$/u;

function partLabel(text: string, words: readonly Word[], c: Candidate): string {
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

interface LocationChoice {
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
 * nationalities of people, and sentences about other seizures. The country is left empty unless one
 * scores 3 or more and half as much again as the next.
 */
function chooseLocation(
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
    if (e.route || e.nationality || e.dateline) continue;
    const s = sentences.find((x) => e.start >= x.start && e.start < x.end);
    if (!s || ignore.has(s)) continue;
    let w = e.kind === 'name' ? 2 : e.kind === 'adjective' ? 1 : 3;
    if (e.located && clauseSeizes(words, e.first, s, chosenAt)) w += 3;
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
    const s = sentences.find((x) => e.start >= x.start && e.start < x.end);
    return s && focus.has(s) ? s : undefined;
  };
  const direct = new Set(places.filter((e) => e.located && !e.route && !e.partner && !e.dateline && !e.nationality && focusOf(e) && clauseSeizes(words, e.first, focusOf(e)!, chosenAt)).map((e) => e.country));
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

/** Words that open a relative clause: what is placed there is not the seizure ("which is believed to play a part in Syria's war"). */
const RELATIVES = new Set(['which', 'who', 'whose', 'whom', 'welche', 'welcher', 'welches', 'cual', 'cuales', 'cui', 'dont', 'που', 'οποια', 'οποιο', 'ktory', 'ktora', 'ktore', 'amely', 'aki', 'ambayo', 'الذي', 'التي'].map(foldWord));

/** The last day a resolved date allows: "2025-07" → 2025-07-31; a week's first day → its seventh. */
function lastDayOf(on: string, precision: string): string {
  if (on.length === 4) return `${on}-12-31`;
  if (on.length === 7) return `${on}-${String(daysInMonth(Number(on.slice(0, 4)), Number(on.slice(5, 7)))).padStart(2, '0')}`;
  return precision === 'week' ? fromDayNumber(dayNumber(on) + 6) : on;
}

function wordsIn(words: readonly Word[], s: Sentence): Word[] {
  return words.filter((w) => w.start >= s.start && w.end <= s.end);
}

function subdivisionByCode(country: string, code: string): Subdivision | undefined {
  return subdivisionsOf(country).find((s) => s.code === code);
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
 * The agencies of the registry named in the article (by name, short name or alias) in the sentences
 * about the seizure: announcing when a verb of saying follows the name, supporting when it is a
 * partner ("in close co-operation with …"), else seizing (the first) or supporting.
 */
function findAgencies(words: readonly Word[], agencies: Iterable<AgencyEntry>, relevant: (offset: number) => boolean): { id: string; role: string }[] {
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
        const announces = after.some((w, k) => hasStemAt(words, last + 1 + k, ANNOUNCE_STEMS)) || /according to|quoted|cited/i.test(before.map((w) => w.raw).join(' '));
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

export type { ResolvedDate };
export { KG_PER_UNIT };
