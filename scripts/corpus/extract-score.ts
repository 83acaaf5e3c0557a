/**
 * Scores `haulcheck extract` on the corpus of real reports (test/corpus/source/reports.jsonl): each
 * report's quotes, joined as the article's text, are read with its publication date and language,
 * and the draft is compared field by field with what the reader transcribed: count, weight, unit,
 * qualifier, event date, country, drug (and, beside the goal, arrests).
 *
 * Each comparison is one of:
 * - right: the transcribed value (both empty counts as right: nothing was invented); where the
 *   transcription is empty but the corpus dataset records that value for that source (the
 *   annotations hold what the transcription keeps in its notes), the recorded value is right too;
 * - empty: the transcription has a value and the draft none (a miss, never a success);
 * - coarser: a date that holds the transcribed day but is less precise (a miss, not a wrong value);
 * - wrong: any other value, including one where the transcription and the dataset have none.
 *
 * Qualifiers: the transcription's null (a bare round figure) is `exact`, and its `more_than` covers
 * "at least" (the draft's `at_least`). The figure compared is the first of the draft's seizure of the
 * transcribed drug (or of its first seizure). The drug is right when it is the draft's first seizure,
 * or when the draft lists the same drugs the dataset's event records, in another order.
 *
 * A second measure compares with what a corpus dataset records for each report's source, for corpora
 * that have no transcription of fields: the held-out corpus (`--holdout`, test/holdout), whose reports
 * the extractor was never tuned on. There a figure is right when the source records it (one of its
 * writings: "over a ton" and "1,072 kilograms" are both the source's), a date when it is the source's
 * date claim, the country when it is the event's, the drug when it is the drug of the seizure holding
 * the source's figures; the figures are compared with that source's in the event's seizure of the
 * draft's drug, when the event has one.
 *
 * Usage: npm run corpus -- --extract [--json] [--all]
 *        npm run corpus -- --extract --holdout [--json] [--all]      (test/holdout)
 *        npm run corpus -- --extract --holdout2 [--json] [--all]     (test/holdout2)
 *        npm run corpus -- --extract --dataset DIR --reports FILE [--json] [--all]
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildRegistries, extractArticle, type Draft } from '../../server/src/core';

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.join(ROOT, 'test', 'corpus');
export const FIELDS = ['count', 'weight', 'unit', 'qualifier', 'event date', 'country', 'drug'] as const;
export type Field = (typeof FIELDS)[number] | 'arrests';
export type Outcome = 'right' | 'empty' | 'coarser' | 'wrong';

export interface Report {
  key: string;
  publisher: string;
  published: string | null;
  language: string;
  event_date: string | null;
  event_date_precision: string | null;
  country: string | null;
  drug: string;
  count: number | null;
  count_qualifier: string | null;
  weight: number | null;
  weight_unit: string | null;
  weight_qualifier: string | null;
  arrests: number | null;
  quotes: string[];
}

export interface Comparison {
  key: string;
  field: Field;
  outcome: Outcome;
  expected: string;
  got: string;
  /** Right by a value the dataset records for the source, not by the transcription itself. */
  recorded?: boolean;
}

export interface FieldScore {
  total: number;
  right: number;
  empty: number;
  coarser: number;
  wrong: number;
}

export interface ExtractScore {
  reports: number;
  fields: Record<string, FieldScore>;
  overall: FieldScore;
  comparisons: Comparison[];
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObj) : isObj(v) ? [v] : []);

/** The corpus dataset's registries. */
function corpusRegistries() {
  const dir = path.join(CORPUS, 'dataset', 'registries');
  return buildRegistries(parseYaml(readFileSync(path.join(dir, 'drugs.yaml'), 'utf8')), parseYaml(readFileSync(path.join(dir, 'agencies.yaml'), 'utf8')));
}

const QUALIFIER = (q: unknown) => (q === null || q === undefined || q === 'exact' ? 'exact' : q === 'at_least' ? 'more_than' : String(q));
const UNIT = (u: unknown) => (u === 'tonne' ? 't' : String(u));

/** A date claim or transcribed date as [first day, precision]. */
function dateKey(on: unknown, precision: unknown): [string, string] | undefined {
  if (typeof on !== 'string' || !on) return undefined;
  const p = String(precision ?? 'day');
  const day = on.length === 4 ? `${on}-01-01` : on.length === 7 ? `${on}-01` : on;
  return [day, p];
}

function dateInterval([day, p]: [string, string]): [string, string] {
  const end = (d: Date) => d.toISOString().slice(0, 10);
  const t = new Date(`${day}T00:00:00Z`);
  if (p === 'year') return [day, `${day.slice(0, 4)}-12-31`];
  if (p === 'month') return [day, end(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)))];
  if (p === 'week') return [day, end(new Date(t.getTime() + 6 * 86400000))];
  return [day, day];
}

export function scoreExtraction(options: { reports?: string } = {}): ExtractScore {
  const reports = readFileSync(options.reports ?? path.join(CORPUS, 'source', 'reports.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Report);
  const keys = JSON.parse(readFileSync(path.join(CORPUS, 'dataset', 'keys.json'), 'utf8')) as Record<string, { file: string; source: string }>;
  const registries = corpusRegistries();
  const events = new Map<string, Record<string, unknown>>();
  const eventOf = (file: string) => {
    if (!events.has(file)) events.set(file, parseYaml(readFileSync(path.join(CORPUS, 'dataset', file), 'utf8')) as Record<string, unknown>);
    return events.get(file)!;
  };
  const comparisons: Comparison[] = [];
  for (const r of reports) {
    const draft = extractArticle({ text: r.quotes.join('\n'), published: r.published, language: r.language, publisher: r.publisher, registries });
    const k = keys[r.key];
    const recorded = k ? eventOf(k.file) : {};
    comparisons.push(...compare(r, draft, recorded, k?.source));
  }
  return tally(reports.length, comparisons);
}

/** The comparisons of one report's draft with its transcription (and the dataset's record of its source). */
export function compare(r: Report, draft: Draft, recorded: Record<string, unknown>, sourceId: string | undefined): Comparison[] {
  const out: Comparison[] = [];
  const push = (field: Field, outcome: Outcome, expected: unknown, got: unknown, isRecorded = false) =>
    out.push({ key: r.key, field, outcome, expected: show(expected), got: show(got), ...(isRecorded ? { recorded: true } : {}) });
  const registryGeneric = (id: unknown) => typeof id === 'string' && (id === 'unspecified' || id === 'narcotic-pills');
  const all = list(draft.event.seizures);
  const seizures = all.filter((s) => !registryGeneric(s.drug));
  const recordedSeizures = list(recorded.seizures);
  const mine = (f: Record<string, unknown>) => f.source === sourceId;

  // drug
  const drugs = seizures.map((s) => String(s.drug));
  if (drugs.length === 0) push('drug', 'empty', r.drug, null);
  else if (drugs[0] === r.drug) push('drug', 'right', r.drug, drugs[0]);
  else if (drugs.includes(r.drug) && drugs.every((d) => recordedSeizures.some((s) => s.drug === d))) push('drug', 'right', r.drug, drugs.join(', '), true);
  else push('drug', 'wrong', r.drug, drugs.join(', '));
  // The figures of the transcribed drug's seizure, else of the first one (of a drug the article does not name, when that is all).
  const seizure = seizures.find((s) => s.drug === r.drug) ?? seizures[0] ?? all[0];
  const recordedFigures = (slot: string) => recordedSeizures.flatMap((s) => list(s[slot])).filter(mine);

  // count and weight, their qualifiers and the unit
  // The draft's figure for the slot: its first that is not a part or a sum of other seizures.
  const figure = (slot: 'count' | 'weight') => (seizure ? list(seizure[slot]).find((f) => (f.scope ?? 'total') === 'total') : undefined);
  const slotCompare = (slot: 'count' | 'weight', expected: number | null, unit: string | null, qualifier: string | null) => {
    const f = figure(slot);
    const got = f && typeof f.value === 'number' ? f.value : undefined;
    if (expected !== null) {
      if (got === undefined) push(slot, 'empty', expected, null);
      else push(slot, got === expected ? 'right' : 'wrong', expected, `${got}${f!.unit ? ' ' + String(f!.unit) : ''}`);
      if (got === undefined) push('qualifier', 'empty', `${slot} ${QUALIFIER(qualifier)}`, null);
      else push('qualifier', QUALIFIER(f!.qualifier) === QUALIFIER(qualifier) ? 'right' : 'wrong', `${slot} ${QUALIFIER(qualifier)}`, `${slot} ${QUALIFIER(f!.qualifier)}`);
      if (slot === 'weight') {
        if (got === undefined) push('unit', 'empty', UNIT(unit), null);
        else push('unit', UNIT(f!.unit) === UNIT(unit) ? 'right' : 'wrong', UNIT(unit), f!.unit);
      }
      return;
    }
    if (got === undefined) return push(slot, 'right', null, null);
    const known = recordedFigures(slot).some((x) => x.value === got && (x.unit ?? null) === (f!.unit ?? null) && (x.scope ?? 'total') === 'total');
    push(slot, known ? 'right' : 'wrong', null, `${got}${f!.unit ? ' ' + String(f!.unit) : ''}`, known);
  };
  slotCompare('count', r.count, null, r.count_qualifier);
  slotCompare('weight', r.weight, r.weight_unit, r.weight_qualifier);

  // event date
  const claims = list(draft.event.date);
  const claim = claims.find((c) => typeof c.on === 'string' || typeof c.from === 'string');
  const got = claim ? dateKey(claim.on ?? claim.from, claim.precision) : undefined;
  const expected = dateKey(r.event_date, r.event_date_precision);
  if (expected) {
    if (!got) push('event date', 'empty', expected.join(' '), null);
    else if (got[0] === expected[0] && got[1] === expected[1]) push('event date', 'right', expected.join(' '), got.join(' '));
    else {
      const [a, b] = dateInterval(got);
      const coarser = ['year', 'month', 'week'].indexOf(got[1]) >= 0 && a <= expected[0] && dateInterval(expected)[1] <= b && got[1] !== expected[1];
      push('event date', coarser ? 'coarser' : 'wrong', expected.join(' '), got.join(' '));
    }
  } else if (!got) push('event date', 'right', null, null);
  else {
    const known = list(recorded.date).filter(mine).some((c) => {
      const k = dateKey(c.on ?? c.from, c.precision);
      return !!k && k[0] === got[0] && k[1] === got[1];
    });
    push('event date', known ? 'right' : 'wrong', null, got.join(' '), known);
  }

  // country
  const location = list(draft.event.location)[0];
  const country = location && typeof location.country === 'string' ? location.country : undefined;
  if (r.country === null) push('country', country ? 'wrong' : 'right', null, country ?? null);
  else if (!country) push('country', 'empty', r.country, null);
  else if (country === r.country) push('country', 'right', r.country, country);
  else {
    const known = list(recorded.location).some((l) => l.country === country) && list(recorded.location).length > 1;
    push('country', known ? 'right' : 'wrong', r.country, country, known);
  }

  // arrests (beside the goal)
  const arrests = list(draft.event.arrests)[0];
  const a = arrests && typeof arrests.value === 'number' ? arrests.value : undefined;
  if (r.arrests !== null) push('arrests', a === undefined ? 'empty' : a === r.arrests ? 'right' : 'wrong', r.arrests, a ?? null);
  else if (a === undefined) push('arrests', 'right', null, null);
  else {
    const known = list(recorded.arrests).filter(mine).some((x) => x.value === a && (x.scope ?? 'total') === 'total');
    push('arrests', known ? 'right' : 'wrong', null, a, known);
  }
  return out;
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : String(v));

// ---------------------------------------------------------------------------------------------
// Against what a dataset records

export const HOLDOUT = path.join(ROOT, 'test', 'holdout');

interface HeldOutReport {
  key: string;
  publisher: string;
  published: string | null;
  language: string;
  quotes: string[];
}

/** Scores the drafts of a corpus's reports against the claims its dataset records for each report's source. */
export function scoreAgainstDataset(options: { reports: string; dataset: string }): ExtractScore {
  const reports = readFileSync(options.reports, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as HeldOutReport);
  const keys = JSON.parse(readFileSync(path.join(options.dataset, 'keys.json'), 'utf8')) as Record<string, { file: string; source: string }>;
  const dir = path.join(options.dataset, 'registries');
  const registries = buildRegistries(parseYaml(readFileSync(path.join(dir, 'drugs.yaml'), 'utf8')), parseYaml(readFileSync(path.join(dir, 'agencies.yaml'), 'utf8')));
  const events = new Map<string, Record<string, unknown>>();
  const comparisons: Comparison[] = [];
  for (const r of reports) {
    const k = keys[r.key];
    if (!k) continue;
    if (!events.has(k.file)) events.set(k.file, parseYaml(readFileSync(path.join(options.dataset, k.file), 'utf8')) as Record<string, unknown>);
    const draft = extractArticle({ text: r.quotes.join('\n'), published: r.published, language: r.language, publisher: r.publisher, registries });
    comparisons.push(...compareWithRecord(r.key, draft, events.get(k.file)!, k.source));
  }
  return tally(reports.length, comparisons);
}

function tally(reports: number, comparisons: Comparison[]): ExtractScore {
  const fields: Record<string, FieldScore> = {};
  const overall: FieldScore = { total: 0, right: 0, empty: 0, coarser: 0, wrong: 0 };
  for (const c of comparisons) {
    const f = (fields[c.field] ??= { total: 0, right: 0, empty: 0, coarser: 0, wrong: 0 });
    f.total++;
    f[c.outcome]++;
    if (c.field === 'arrests') continue;
    overall.total++;
    overall[c.outcome]++;
  }
  return { reports, fields, overall, comparisons };
}

/** A draft compared with what the event records for one source (see the module comment). */
export function compareWithRecord(key: string, draft: Draft, event: Record<string, unknown>, sourceId: string): Comparison[] {
  const out: Comparison[] = [];
  const push = (field: Field, outcome: Outcome, expected: unknown, got: unknown) => out.push({ key, field, outcome, expected: show(expected), got: show(got), recorded: true });
  const mine = (f: Record<string, unknown>) => f.source === sourceId;
  const total = (f: Record<string, unknown>) => (f.scope ?? 'total') === 'total';
  const recordedSeizures = list(event.seizures);
  const held = recordedSeizures.find((s) => ['count', 'weight'].some((slot) => list(s[slot]).some(mine))) ?? recordedSeizures[0];
  const generic = (id: unknown) => id === 'unspecified' || id === 'narcotic-pills';
  const all = list(draft.event.seizures);
  const specific = all.filter((s) => !generic(s.drug));
  // drug
  const expectedDrug = held?.drug;
  if (!specific.length) push('drug', 'empty', expectedDrug, null);
  else push('drug', specific[0].drug === expectedDrug || (specific.some((s) => s.drug === expectedDrug) && specific.every((s) => recordedSeizures.some((x) => x.drug === s.drug))) ? 'right' : 'wrong', expectedDrug, specific.map((s) => s.drug).join(', '));
  const seizure = specific.find((s) => s.drug === expectedDrug) ?? specific[0] ?? all[0];
  // The figures are compared with what the event records for the source in the seizure of the same
  // drug, when it has one (a draft whose hashish is missing is not marked wrong for its Captagon
  // count, which the drug comparison above already counts against it); else in the one held.
  const ownDrug = seizure && recordedSeizures.find((s) => s.drug === seizure.drug && ['count', 'weight'].some((slot) => list(s[slot]).some(mine)));
  const target = ownDrug ?? held;
  // count, weight, unit, qualifier
  for (const slot of ['count', 'weight'] as const) {
    const recorded = target ? list(target[slot]).filter((f) => mine(f) && total(f)) : [];
    const got = seizure ? list(seizure[slot]).find(total) : undefined;
    const fmt = (f: Record<string, unknown>) => `${f.value === undefined ? `${String(f.from)}–${String(f.to)}` : String(f.value)}${f.unit ? ' ' + String(f.unit) : ''}${f.qualifier ? ' ' + String(f.qualifier) : ''}`;
    const exp = recorded.map(fmt).join(' | ') || null;
    // A source may write one figure twice ("24 million" in the headline, "more than 24 million" in
    // the text): the qualifier is right when one of the writings of that value has it.
    const same = (f: Record<string, unknown>) => !!got && f.value === got.value && (f.unit ?? null) === (got.unit ?? null);
    const qualified = (f: Record<string, unknown>) => same(f) && (f.qualifier ?? 'exact') === (got!.qualifier ?? 'exact');
    const match = recorded.find(qualified) ?? recorded.find(same);
    if (!recorded.length) push(slot, got ? 'wrong' : 'right', null, got ? fmt(got) : null);
    else if (!got) push(slot, 'empty', exp, null);
    else push(slot, match ? 'right' : 'wrong', exp, fmt(got));
    if (recorded.length) {
      if (!got) push('qualifier', 'empty', exp, null);
      else push('qualifier', match && (match.qualifier ?? 'exact') === (got.qualifier ?? 'exact') ? 'right' : 'wrong', exp, fmt(got));
      if (slot === 'weight') push('unit', !got ? 'empty' : recorded.some((f) => f.unit === got.unit) ? 'right' : 'wrong', recorded.map((f) => f.unit).join(' | '), got?.unit ?? null);
    }
  }
  // event date
  const claim = list(draft.event.date).find((c) => typeof c.on === 'string' || typeof c.from === 'string');
  const got = claim ? dateKey(claim.on ?? claim.from, claim.precision) : undefined;
  const recordedClaims = list(event.date).filter(mine);
  const expected = recordedClaims.map((c) => dateKey(c.on ?? c.from, c.precision)).find((x): x is [string, string] => !!x);
  if (!expected) push('event date', got ? 'wrong' : 'right', null, got?.join(' ') ?? null);
  else if (!got) push('event date', 'empty', expected.join(' '), null);
  else if (got[0] === expected[0] && got[1] === expected[1]) push('event date', 'right', expected.join(' '), got.join(' '));
  else {
    const [a, b] = dateInterval(got);
    const coarser = ['year', 'month', 'week'].includes(got[1]) && got[1] !== expected[1] && a <= expected[0] && dateInterval(expected)[1] <= b;
    push('event date', coarser ? 'coarser' : 'wrong', expected.join(' '), got.join(' '));
  }
  // country
  const countries = list(event.location).map((l) => l.country).filter((c): c is string => typeof c === 'string');
  const country = list(draft.event.location)[0]?.country;
  if (!countries.length) push('country', country ? 'wrong' : 'right', null, country ?? null);
  else if (typeof country !== 'string') push('country', 'empty', countries.join(' | '), null);
  else push('country', countries.includes(country) ? 'right' : 'wrong', countries.join(' | '), country);
  // arrests (beside the goal)
  const arrests = list(event.arrests).filter((f) => mine(f) && total(f));
  const a = list(draft.event.arrests)[0];
  if (!arrests.length) push('arrests', a ? 'wrong' : 'right', null, a?.value ?? null);
  else push('arrests', !a ? 'empty' : arrests.some((f) => f.value === a.value) ? 'right' : 'wrong', arrests.map((f) => f.value).join(' | '), a?.value ?? null);
  return out;
}

const pct = (n: number, d: number) => (d === 0 ? '    –' : `${((n / d) * 100).toFixed(1).padStart(5)}%`);

export function formatExtractScore(s: ExtractScore, all = false, against = 'the transcription'): string {
  const lines = [`Extraction on ${s.reports} reports: each report's quotes read with its publication date and language, compared with ${against}`, ''];
  lines.push('field        right             empty   coarser  wrong');
  const row = (name: string, f: FieldScore) =>
    `${name.padEnd(11)}  ${pct(f.right, f.total)} (${f.right}/${f.total})`.padEnd(31) + `${String(f.empty).padStart(4)}   ${String(f.coarser).padStart(4)}   ${pct(f.wrong, f.total)} (${f.wrong})`;
  for (const name of FIELDS) if (s.fields[name]) lines.push(row(name, s.fields[name]));
  lines.push(row('overall', s.overall));
  if (s.fields.arrests) lines.push('', row('arrests', s.fields.arrests) + '   (not in the goal)');
  const shown = s.comparisons.filter((c) => c.outcome !== 'right' && (all || c.outcome !== 'empty' || c.field !== 'arrests'));
  lines.push('', `Disagreements (${shown.length}):`);
  for (const f of [...FIELDS, 'arrests'] as const) {
    const mine = shown.filter((c) => c.field === f);
    if (!mine.length) continue;
    lines.push(`  ${f}:`);
    for (const c of mine) lines.push(`    ${c.outcome.padEnd(7)} ${c.key}: expected ${c.expected}, got ${c.got}`);
  }
  return lines.join('\n') + '\n';
}

export const HOLDOUT2 = path.join(ROOT, 'test', 'holdout2');

/**
 * The corpus a command line names: the development corpus (against its transcription) by default;
 * `--holdout` or `--holdout2` (the held-out corpora), or `--dataset DIR --reports FILE` (any corpus
 * recorded as a dataset with its keys.json), against what the dataset records for each source.
 */
export function corpusOfArgs(args: string[]): { reports: string; dataset: string; name: string } | undefined {
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : undefined;
  };
  const dataset = opt('--dataset');
  const reports = opt('--reports');
  if (dataset || reports) {
    if (!dataset || !reports) throw new Error('--dataset and --reports go together');
    return { dataset: path.resolve(dataset), reports: path.resolve(reports), name: `what ${dataset} records for its source` };
  }
  const held = args.includes('--holdout2') ? HOLDOUT2 : args.includes('--holdout') ? HOLDOUT : undefined;
  if (!held) return undefined;
  return { reports: path.join(held, 'source', 'reports.jsonl'), dataset: path.join(held, 'dataset'), name: `what the held-out dataset (${path.basename(held)}) records for its source` };
}

/** `npm run corpus -- --extract [--holdout | --holdout2 | --dataset DIR --reports FILE] [--json] [--all]`. */
export function runExtractScore(args: string[]): void {
  const corpus = corpusOfArgs(args);
  const s = corpus ? scoreAgainstDataset(corpus) : scoreExtraction();
  if (args.includes('--json')) process.stdout.write(JSON.stringify({ fields: s.fields, overall: s.overall, disagreements: s.comparisons.filter((c) => c.outcome !== 'right') }, null, 2) + '\n');
  else process.stdout.write(formatExtractScore(s, args.includes('--all'), corpus ? corpus.name : 'the transcription'));
}

if (require.main === module) runExtractScore(process.argv.slice(2));
