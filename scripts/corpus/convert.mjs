#!/usr/bin/env node
// Records the development corpus in the dataset's own format.
//
//   node scripts/corpus/convert.mjs [--out DIR]
//
// Reads the reader's transcription (test/corpus/source/reports.jsonl), the annotations that say what
// the transcription holds only in its notes (test/corpus/annotations.yaml) and the corpus's additions
// to the sample registries (test/corpus/registries.yaml), and writes a dataset to test/corpus/dataset/
// (or DIR): haulcheck.yaml, registries/, events/<year|undated>/<id>.yaml (one event per event group,
// one source per report) and keys.json (report key → event file and source id).
//
// The same input gives the same bytes. Every figure's words (as_reported) are looked up in its
// source's quotes, title or url; the conversion stops with a message when they cannot be found, when
// an annotation names something unknown, or when the written YAML does not read back as the data.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import YAML from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = join(ROOT, 'test', 'corpus');
const TODAY = '2026-11-30';

// ---------------------------------------------------------------------------------------------
// Inputs

function readInputs() {
  const reports = readFileSync(join(CORPUS, 'source', 'reports.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (e) {
        fail(`reports.jsonl line ${i + 1}: ${e.message}`);
      }
    });
  const annotations = YAML.parse(readFileSync(join(CORPUS, 'annotations.yaml'), 'utf8'));
  const registries = YAML.parse(readFileSync(join(CORPUS, 'registries.yaml'), 'utf8'));
  const samples = {
    drugs: YAML.parse(readFileSync(join(ROOT, 'samples', 'registries', 'drugs.yaml'), 'utf8')),
    agencies: YAML.parse(readFileSync(join(ROOT, 'samples', 'registries', 'agencies.yaml'), 'utf8')),
  };
  return { reports, annotations, registries, samples };
}

const problems = [];
function fail(message) {
  throw new Error(message);
}
function problem(message) {
  problems.push(message);
}

// ---------------------------------------------------------------------------------------------
// Finding a figure's words in its source

// Scale words after a number ("5.3 million", "8.3 ملايين", "3,2 Millionen", "4,4 εκατ.").
const SCALES = [
  ['millions', 1e6], ['million', 1e6], ['mln', 1e6], ['mio', 1e6], ['milyon', 1e6], ['milioni', 1e6], ['millones', 1e6],
  ['millionen', 1e6], ['εκατομμύρια', 1e6], ['εκατ.', 1e6], ['ملايين', 1e6], ['مليونا', 1e6], ['مليون', 1e6],
  ['billion', 1e9], ['bn', 1e9],
];
// Words that hedge a number, directly before it.
const QUALIFIERS = [
  'more than', 'over', 'nearly', 'almost', 'about', 'around', 'approximately', 'roughly', 'some', 'at least', 'as many as',
  'close to', 'in excess of', 'up to', 'a total of', 'an estimated', 'a total', // en
  'rund', 'fast', 'mehr als', 'knapp', 'etwa', 'insgesamt', // de
  'casi', 'más de', 'unos', 'alrededor de', // es
  'oltre', 'circa', 'quasi', 'più di', // it
  'près de', 'plus de', 'environ', // fr
  'πάνω από', 'περίπου', // el
  'yaklaşık', 'toplam', // tr
  'több mint', 'mintegy', 'közel', // hu
  'zaidi ya', // sw
  'أكثر من', 'نحو', 'حوالي', // ar
  'ponad', 'około', 'prawie', // pl
];
// Words naming what is counted or weighed, taken into the figure's words after the number.
const UNIT_WORDS = new Set([
  'pills', 'pill', 'tablets', 'tablet', 'items', 'pillen', 'tabletten', 'captagontabletten', 'compresse', 'comprimés', 'pilules', 'tabletek',
  'hap', 'hapı', 'adet', 'δισκία', 'χάπια', 'حبة', 'pastillas', 'packages', 'parcels',
  'kilograms', 'kilogram', 'kilogramm', 'kilogramos', 'kilogrammes', 'kilo', 'kilos', 'kg', 'kiló', 'κιλά', 'κιλών',
  'tonnes', 'tonne', 'tons', 'ton', 'tonnen', 'tonnellate', 'toneladas', 'tonna', 'τόνων', 'pounds', 'lb', 'grams',
  'persons', 'people', 'men', 'suspects', 'members', 'individuals', 'kişi', 'şüpheli', 'persone', 'personas', 'dealers', 'arabs',
]);
// Words that may stand between the number and what it counts ("14.4 million amphetamine pills").
const CONNECTORS = new Set(['captagon', 'amphetamine', 'narcotic', 'metric', 'illegal', 'banned']);
const EN_NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const QUALIFIER_BEFORE = new RegExp(`(?:^|[\\s(“"«])((?:${QUALIFIERS.map(escapeRe).join('|')})\\s+)$`, 'iu');

/** The values a written number may have: "4.400.000" is 4,400,000; "20.140" 20,140 or 20.14; "5,3" 5.3. */
function readings(token) {
  const t = token.replace(/[\u00a0\u202f ]/g, '');
  const seps = [...t.matchAll(/[.,]/g)].map((m) => m[0]);
  const digitsOnly = (s) => Number(s.replace(/[.,]/g, ''));
  if (seps.length === 0) return [Number(t)];
  const groups = t.split(/[.,]/);
  const grouped = groups.slice(1).every((g) => g.length === 3);
  const out = [];
  const kinds = new Set(seps);
  if (kinds.size === 1) {
    if (grouped) out.push(digitsOnly(t));
    if (seps.length === 1) out.push(Number(t.replace(',', '.')));
  } else {
    const last = seps[seps.length - 1];
    const i = t.lastIndexOf(last);
    const intPart = t.slice(0, i);
    if (intPart.split(/[.,]/).slice(1).every((g) => g.length === 3)) out.push(Number(`${intPart.replace(/[.,]/g, '')}.${t.slice(i + 1)}`));
  }
  return out;
}

const NUMBER = /(?<![\p{L}\p{N}])\d+(?:(?:[.,]|[\u00a0\u202f ](?=\d{3}(?!\d)))\d+)*(?!\d)/gu;
const WORD = new RegExp(`(?<![\\p{L}])(${EN_NUMBER_WORDS.join('|')})(?![\\p{L}])`, 'giu');

/** Every span of `text` that writes `value`, with the hedging words before it and what it counts after it. */
function spansFor(value, text, { words = false } = {}) {
  const out = [];
  const candidates = [...text.matchAll(NUMBER)].map((m) => ({ index: m.index, token: m[0], values: readings(m[0]) }));
  if (words) for (const m of text.matchAll(WORD)) candidates.push({ index: m.index, token: m[0], values: [EN_NUMBER_WORDS.indexOf(m[0].toLowerCase()) + 1], word: true });
  for (const c of candidates) {
    let start = c.index;
    let end = c.index + c.token.length;
    let values = c.values;
    const scale = SCALES.find(([w]) => new RegExp(`^\\s?${escapeRe(w)}(?![\\p{L}])`, 'iu').test(text.slice(end)));
    if (scale) {
      end += text.slice(end).match(new RegExp(`^\\s?${escapeRe(scale[0])}`, 'iu'))[0].length;
      values = values.map((v) => Math.round(v * scale[1] * 1e6) / 1e6);
    }
    if (!values.some((v) => Math.abs(v - value) <= 1e-9 * Math.max(1, value))) continue;
    if (text[start - 1] === '(' && text[end] === ')') {
      start--;
      end++;
    }
    const q = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
    if (q) start -= q[1].length;
    // What the number counts: a glued unit ("14.5kg") or up to three words ending in a unit word.
    const glued = /^(kg|kilos?)(?![\p{L}])/iu.exec(text.slice(end));
    let unitFound = false;
    if (glued) {
      end += glued[0].length;
      unitFound = true;
    } else {
      let cursor = end;
      for (let n = 0; n < 3; n++) {
        const w = /^\s+([\p{L}]+)/u.exec(text.slice(cursor));
        if (!w) break;
        const word = w[1].toLowerCase();
        if (UNIT_WORDS.has(word)) {
          cursor += w[0].length;
          end = cursor;
          unitFound = true;
          break;
        }
        if (!CONNECTORS.has(word)) break;
        cursor += w[0].length;
      }
    }
    if (c.word && !unitFound) continue; // a number word alone ("one of the largest") is not a figure
    out.push(text.slice(start, end));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Building events

const QUALIFIER_OF = { exact: undefined, null: undefined, about: 'about', more_than: 'more_than', nearly: 'nearly', up_to: 'up_to' };
const WEIGHT_UNIT_OF = { kg: 'kg', tonne: 't', ton: 'ton', lb: 'lb' };
const FIGURE_KEYS = ['value', 'unit', 'currency', 'qualifier', 'min', 'max', 'basis', 'scope', 'part', 'where', 'as_of', 'drug_as_reported', 'garbled', 'as_reported', 'note', 'source'];
const CLAIM_KEYS = ['on', 'from', 'to', 'precision', 'as_reported', 'refers_to', 'where', 'source'];
const SOURCE_KEYS = ['id', 'publisher', 'wire', 'title', 'url', 'published', 'published_note', 'language', 'quotes'];
const EVENT_KEYS = ['id', 'status', 'type', 'title', 'summary', 'notes', 'date', 'location', 'agencies', 'route', 'seizures', 'other_items', 'arrests', 'sources'];
const SEIZURE_KEYS = ['drug', 'form', 'count', 'weight', 'volume', 'street_value', 'concealment', 'note'];
const SLOTS = ['count', 'weight', 'volume', 'street_value', 'arrests'];
// Annotation keys that only locate words; everything else records a reading and needs its why.
const WORDS_ONLY = new Set(['as_reported', 'where']);

function pick(obj, keys) {
  const out = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!keys.includes(k)) fail(`unexpected key "${k}" in ${JSON.stringify(obj)}`);
  return out;
}

function needWhy(where, a) {
  if (a && typeof a === 'object' && !a.why && Object.keys(a).some((k) => !WORDS_ONLY.has(k))) problem(`${where}: annotation without why: ${JSON.stringify(a)}`);
}

/** The text a figure's words may be taken from: the quotes, or the title or url for where: headline/url. */
function placesOf(source, where) {
  if (where === 'headline') return source.title ? [source.title] : [];
  if (where === 'url') return source.url ? [source.url] : [];
  return source.quotes;
}

/** Fills in a figure's as_reported from its source, or checks the one given. */
function withWords(fig, source, where, opts) {
  const places = placesOf(source, fig.where);
  if (fig.as_reported !== undefined) {
    if (!places.some((p) => p.includes(fig.as_reported))) problem(`${where}: as_reported "${fig.as_reported}" is not in the ${fig.where === 'headline' ? 'title' : fig.where === 'url' ? 'url' : 'quotes'} of ${source.id}`);
    return fig;
  }
  const spans = [...new Set(places.flatMap((p) => spansFor(fig.value, p, opts)))];
  if (spans.length === 1) return { ...fig, as_reported: spans[0] };
  problem(`${where}: ${spans.length === 0 ? 'no words' : `several words (${spans.map((s) => JSON.stringify(s)).join(', ')})`} for ${fig.value} in ${source.id}; give as_reported`);
  return fig;
}

function orderFigure(f) {
  return pick(f, FIGURE_KEYS);
}

function claimFrom(report, a, source) {
  // The transcription's date, read as a claim: a full date to its precision.
  let claim = {};
  if (report.event_date) {
    const p = report.event_date_precision;
    const on = p === 'year' ? report.event_date.slice(0, 4) : p === 'month' ? report.event_date.slice(0, 7) : report.event_date;
    claim = { on, precision: p };
  }
  if (report.as_reported) claim.as_reported = report.as_reported;
  if (a === undefined) {
    if (!report.event_date && report.as_reported) problem(`${report.key}: the transcription has date words "${report.as_reported}" but no date; annotate date (a words-only claim or none)`);
    if (!report.event_date) return undefined;
  } else {
    if (a.none) return undefined;
    const { why, replace, ...rest } = a;
    claim = replace ? rest : { ...claim, ...rest };
    if (claim.on === undefined && claim.from === undefined && claim.to === undefined) delete claim.precision;
  }
  claim.source = source.id;
  for (const k of Object.keys(claim)) if (claim[k] === null) delete claim[k];
  if (claim.as_reported !== undefined && !source.quotes.some((q) => q.includes(claim.as_reported)) && !(source.title ?? '').includes(claim.as_reported))
    problem(`${report.key}: date words "${claim.as_reported}" are not in the quotes or title; annotate as_reported`);
  return pick(claim, CLAIM_KEYS);
}

function buildSource(report, a) {
  const published = report.published;
  const s = {
    id: a.source,
    publisher: a.publisher ?? report.publisher,
    wire: a.wire,
    title: a.title,
    // An address with non-ASCII characters (an IRI) is written as the URI it stands for.
    url: report.url === null ? null : report.url.replace(/[^\x00-\x7f]+/g, (c) => encodeURIComponent(c)),
    published,
    published_note: a.published_note,
    language: report.language,
    quotes: report.quotes,
  };
  if (published === null && !a.published_note) problem(`${report.key}: published is null; annotate published_note`);
  return pick(s, SOURCE_KEYS);
}

/** The transcription's own figures of one report, with the annotation's readings. */
function mainFigures(report, a, source, event) {
  const out = [];
  const seizure = event.annotation.seizures[0];
  const slots = [
    ['count', report.count, seizure.unit ?? 'tablets', report.count_qualifier],
    ['weight', report.weight, WEIGHT_UNIT_OF[report.weight_unit], report.weight_qualifier],
    ['arrests', report.arrests, 'persons', 'exact'],
  ];
  for (const [slot, value, unit, qualifier] of slots) {
    const ann = a[slot];
    if (value === null || value === undefined) {
      if (ann) problem(`${report.key}: annotates ${slot} but the transcription has none`);
      continue;
    }
    needWhy(`${report.key} ${slot}`, ann);
    if (ann?.drop) continue;
    if (!(qualifier in QUALIFIER_OF) && qualifier !== null) fail(`${report.key}: unknown qualifier ${qualifier}`);
    const { why, ...over } = ann ?? {};
    if ('value' in over) fail(`${report.key}: an annotation may not change the value of ${slot}; fix the transcription`);
    const fig = { value, unit, qualifier: QUALIFIER_OF[qualifier], ...over, source: source.id };
    if (fig.qualifier === null) delete fig.qualifier;
    out.push({ slot, seizure: 0, figure: withWords(fig, source, `${report.key} ${slot}`, { words: slot === 'arrests' }) });
  }
  return out;
}

function extraFigures(key, list, source) {
  return (list ?? []).map((x, i) => {
    needWhy(`${key} figures[${i}]`, { ...x, why: x.why });
    if (!x.why) problem(`${key} figures[${i}]: extra figure without why`);
    const { slot, seizure = 0, why, ...fig } = x;
    if (!SLOTS.includes(slot)) fail(`${key}: unknown slot ${slot}`);
    return { slot, seizure, figure: withWords({ ...fig, source: source.id }, source, `${key} figures[${i}]`, { words: slot === 'arrests' }) };
  });
}

function itemsOf(key, list, source) {
  return (list ?? []).map((x, i) => {
    if (!x.why) problem(`${key} other_items[${i}]: without why`);
    const item = { item: x.item };
    if (x.quantity) item.quantity = withWords({ ...x.quantity, source: source.id }, source, `${key} other_items[${i}]`, {});
    if (x.value) item.value = { ...x.value, source: source.id };
    return item;
  });
}

function eventYear(id) {
  return /^\d{4}/.test(id) ? id.slice(0, 4) : 'undated';
}

function one(list) {
  return list.length === 1 ? list[0] : list;
}

function buildEvents({ reports, annotations }) {
  const groups = new Map();
  for (const r of reports) {
    if (!groups.has(r.event_group)) groups.set(r.event_group, []);
    groups.get(r.event_group).push(r);
  }
  // The annotations are grouped by event group: the event's own fields, its reports, its mentions.
  const eventAnn = annotations ?? {};
  const reportAnn = {};
  const mentions = [];
  const keys = new Set(reports.map((r) => r.key));
  for (const [g, ea] of Object.entries(eventAnn)) {
    if (!groups.has(g)) problem(`annotations: unknown event group ${g}`);
    for (const [k, a] of Object.entries(ea.reports ?? {})) {
      if (!keys.has(k)) problem(`annotations ${g}: unknown report key ${k}`);
      else if (reports.find((r) => r.key === k).event_group !== g) problem(`annotations ${g}: report ${k} belongs to another event group`);
      reportAnn[k] = a;
    }
    for (const m of ea.mentions ?? []) mentions.push({ ...m, event: g });
    for (const k of Object.keys(ea)) if (!['id', 'title', 'type', 'status', 'summary', 'notes', 'location', 'route', 'agencies', 'seizures', 'reports', 'mentions'].includes(k)) problem(`annotations ${g}: unknown key ${k}`);
  }

  const events = [];
  const byGroup = new Map();
  for (const [group, rs] of groups) {
    const ea = eventAnn[group];
    if (!ea) {
      problem(`event group ${group} has no annotation`);
      continue;
    }
    for (const r of rs) {
      if (r.drug !== ea.seizures[0].drug) problem(`${r.key}: drug ${r.drug} differs from the event's first seizure (${ea.seizures[0].drug})`);
    }
    const ev = { group, annotation: ea, sources: [], figures: [], claims: [], items: [], keys: [] };
    events.push(ev);
    byGroup.set(group, ev);
  }

  const addSource = (ev, key, source) => {
    if (ev.sources.some((s) => s.id === source.id)) problem(`${key}: source id ${source.id} is used twice in ${ev.group}`);
    ev.sources.push(source);
    ev.keys.push({ key, source: source.id });
  };

  for (const r of reports) {
    const ev = byGroup.get(r.event_group);
    const a = reportAnn[r.key];
    if (!ev) continue;
    if (!a?.source) {
      problem(`${r.key}: no source id in the annotations`);
      continue;
    }
    for (const k of Object.keys(a)) if (!['source', 'publisher', 'wire', 'title', 'published_note', 'date', 'count', 'weight', 'arrests', 'figures', 'other_items'].includes(k)) problem(`${r.key}: unknown annotation key ${k}`);
    const source = buildSource(r, a);
    addSource(ev, r.key, source);
    needWhy(`${r.key} date`, a.date);
    const claim = claimFrom(r, a.date, source);
    if (claim) ev.claims.push(claim);
    ev.figures.push(...mainFigures(r, a, source, ev), ...extraFigures(r.key, a.figures, source));
    ev.items.push(...itemsOf(r.key, a.other_items, source));
  }

  // Mentions: a sentence of a report filed under one event that reports another event.
  for (const [i, m] of mentions.entries()) {
    const r = reports.find((x) => x.key === m.key);
    const ev = byGroup.get(m.event);
    if (!r || !ev) {
      problem(`mentions[${i}]: unknown report ${m.key} or event ${m.event}`);
      continue;
    }
    if (!m.why) problem(`mentions[${i}] (${m.key}): without why`);
    const ra = reportAnn[r.key] ?? {};
    const quotes = m.quotes.map((n) => r.quotes[n]);
    if (quotes.some((q) => q === undefined)) fail(`mentions[${i}]: quote index out of range`);
    const source = buildSource({ ...r, quotes }, { ...ra, source: m.source, title: m.title ?? ra.title });
    addSource(ev, `${m.key}@${m.event}`, source);
    if (m.date) {
      const claim = claimFrom({ ...r, event_date: null, as_reported: null }, m.date, source);
      if (claim) ev.claims.push(claim);
    }
    ev.figures.push(...extraFigures(`mentions[${i}]`, m.figures, source));
  }
  return events;
}

function assemble(ev) {
  const a = ev.annotation;
  const seizures = a.seizures.map((s, i) => {
    const { unit, why, ...rest } = s;
    const out = { ...rest };
    for (const slot of ['count', 'weight', 'volume', 'street_value']) {
      const figs = ev.figures.filter((f) => f.seizure === i && f.slot === slot).map((f) => orderFigure(f.figure));
      if (figs.length) out[slot] = one(figs);
    }
    return pick(out, SEIZURE_KEYS);
  });
  for (const f of ev.figures) if (f.seizure >= a.seizures.length) problem(`${ev.group}: a figure names seizure ${f.seizure}, which the event does not have`);
  const arrests = ev.figures.filter((f) => f.slot === 'arrests').map((f) => orderFigure({ ...f.figure, unit: 'persons' }));
  // Items of the same name from several sources are one item with a figure per source.
  const items = [];
  for (const it of ev.items) {
    let cur = items.find((x) => x.item === it.item);
    if (!cur) items.push((cur = { item: it.item, quantity: [], value: undefined }));
    if (it.quantity) cur.quantity.push(orderFigure(it.quantity));
    if (it.value) {
      if (cur.value) problem(`${ev.group}: item "${it.item}" has two values; the format holds one`);
      cur.value = it.value;
    }
  }
  const event = {
    id: a.id,
    status: a.status ?? 'draft',
    type: a.type,
    title: a.title,
    summary: a.summary,
    notes: a.notes,
    date: ev.claims.length ? one(ev.claims) : null,
    location: a.location,
    agencies: a.agencies,
    route: a.route,
    seizures,
    other_items: items.length ? items.map((x) => pick({ item: x.item, quantity: x.quantity.length ? one(x.quantity) : undefined, value: x.value, source: x.value?.source ?? x.quantity[0]?.source }, ['item', 'quantity', 'value', 'source'])) : undefined,
    arrests: arrests.length ? one(arrests) : undefined,
    sources: ev.sources,
  };
  return pick(event, EVENT_KEYS);
}

// ---------------------------------------------------------------------------------------------
// Registries

function mergeRegistry(sample, extra, listKey) {
  const list = structuredClone(sample[listKey]);
  for (const x of extra?.extend ?? []) {
    const cur = list.find((d) => d.id === x.id);
    if (!cur) fail(`registries.yaml: extends unknown ${listKey} entry ${x.id}`);
    for (const [k, v] of Object.entries(x)) {
      if (k === 'id' || k === 'why') continue;
      if (Array.isArray(v)) cur[k] = [...(cur[k] ?? []), ...v.filter((y) => !(cur[k] ?? []).includes(y))];
      else cur[k] = v;
    }
  }
  for (const x of extra?.add ?? []) {
    if (list.some((d) => d.id === x.id)) fail(`registries.yaml: adds ${listKey} entry ${x.id}, which the samples have`);
    list.push(x);
  }
  return { [listKey]: list };
}

// ---------------------------------------------------------------------------------------------
// Writing YAML as a person would: block mappings, short figures and claims on one line.

const QUOTED = new Set(['quotes', 'as_reported', 'drug_as_reported']);
const FOLDED = new Set(['notes', 'summary', 'published_note', 'note', 'source']);
const FLOW_WIDTH = 150;

function scalarNode(doc, key, value) {
  const node = doc.createNode(value);
  if (typeof value === 'string') {
    if (FOLDED.has(key) && value.length > 100) node.type = 'BLOCK_FOLDED';
    else if (QUOTED.has(key)) node.type = value.includes('"') && !value.includes("'") ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
  }
  return node;
}

function isScalar(v) {
  return v === null || typeof v !== 'object';
}

function toNode(doc, value, key, indent) {
  if (isScalar(value)) return scalarNode(doc, key, value);
  if (Array.isArray(value)) {
    const seq = new YAML.YAMLSeq();
    for (const v of value) seq.items.push(toNode(doc, v, key, indent + 2));
    seq.flow = value.every(isScalar) && key !== 'quotes' && flowWidth(value) + indent < FLOW_WIDTH;
    return seq;
  }
  const map = new YAML.YAMLMap();
  for (const [k, v] of Object.entries(value)) map.items.push(new YAML.Pair(doc.createNode(k), toNode(doc, v, k, indent + 2)));
  const flat = Object.values(value).every((v) => isScalar(v) || (Array.isArray(v) && v.every(isScalar)));
  const long = Object.entries(value).some(([k, v]) => FOLDED.has(k) && typeof v === 'string' && v.length > 100);
  map.flow = flat && !long && key !== null && flowWidth(value) + indent + (key?.length ?? 0) + 4 < FLOW_WIDTH;
  if (map.flow) for (const p of map.items) if (p.value?.type === 'BLOCK_FOLDED') p.value.type = 'QUOTE_DOUBLE';
  return map;
}

function flowWidth(value) {
  const d = new YAML.Document(value);
  YAML.visit(d, { Map: (_, n) => void (n.flow = true), Seq: (_, n) => void (n.flow = true) });
  return d.toString({ lineWidth: 0, flowCollectionPadding: false }).trim().length;
}

/** Folds long `>-` block scalars at spaces (a single line break in a folded scalar reads as a space). */
function foldBlocks(text, width = 100) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]);
    if (!/:\s>-$|^\s*- >-$/.test(lines[i]) || i + 1 >= lines.length) continue;
    const body = lines[++i];
    const indent = body.match(/^ */)[0];
    let rest = body.slice(indent.length);
    while (indent.length + rest.length > width) {
      // Break at the last single space before the width whose neighbours are not spaces.
      let cut = -1;
      for (let j = Math.min(rest.length - 1, width - indent.length); j > 0; j--) {
        if (rest[j] === ' ' && rest[j - 1] !== ' ' && rest[j + 1] !== ' ' && rest[j + 1] !== undefined) {
          cut = j;
          break;
        }
      }
      if (cut < 0) break;
      out.push(indent + rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    out.push(indent + rest);
  }
  return out.join('\n');
}

function toYaml(value, modeline) {
  const doc = new YAML.Document();
  doc.contents = toNode(doc, value, null, 0);
  if (modeline) doc.contents.items[0].key.commentBefore = ` yaml-language-server: $schema=${modeline}`;
  const text = foldBlocks(doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  const back = YAML.parse(text);
  if (!isDeepStrictEqual(back, JSON.parse(JSON.stringify(value)))) fail(`written YAML does not read back as the data (${modeline ?? ''} ${value.id ?? ''})`);
  return text;
}

// ---------------------------------------------------------------------------------------------

function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(CORPUS, 'dataset');
  const inputs = readInputs();
  const events = buildEvents(inputs);
  const written = events.map((ev) => ({ ev, value: assemble(ev) }));
  const ids = written.map((w) => w.value.id);
  for (const id of ids) if (ids.indexOf(id) !== ids.lastIndexOf(id)) problem(`event id ${id} is used twice`);
  if (problems.length) {
    console.error(`convert: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }

  rmSync(join(out, 'events'), { recursive: true, force: true });
  rmSync(join(out, 'registries'), { recursive: true, force: true });
  mkdirSync(join(out, 'registries'), { recursive: true });
  const schemaRef = (file) => relative(dirname(file), join(ROOT, 'schemas')).split('\\').join('/');
  const write = (rel, text) => {
    const file = join(out, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
  };
  // Schema references are relative to the committed dataset, so a copy written elsewhere is the same bytes.
  const home = join(CORPUS, 'dataset');
  write(
    'haulcheck.yaml',
    toYaml(
      {
        version: 1,
        name: 'Development corpus: 157 news reports of 52 seizure events, as reported',
        events: ['events/**/*.yaml'],
        ignore: [],
        registries: { drugs: 'registries/drugs.yaml', agencies: 'registries/agencies.yaml' },
        rules: {},
        today: TODAY,
      },
      `${schemaRef(join(home, 'haulcheck.yaml'))}/config.schema.json`,
    ),
  );
  write('registries/drugs.yaml', toYaml(mergeRegistry(inputs.samples.drugs, inputs.registries.drugs, 'drugs'), `${schemaRef(join(home, 'registries', 'x'))}/drugs.schema.json`));
  write('registries/agencies.yaml', toYaml(mergeRegistry(inputs.samples.agencies, inputs.registries.agencies, 'agencies'), `${schemaRef(join(home, 'registries', 'x'))}/agencies.schema.json`));
  const keys = {};
  for (const { ev, value } of written) {
    const rel = `events/${eventYear(value.id)}/${value.id}.yaml`;
    write(rel, toYaml(value, `${schemaRef(join(home, rel))}/event.schema.json`));
    for (const k of ev.keys) keys[k.key] = { file: rel, source: k.source };
  }
  write('keys.json', `${JSON.stringify(keys, null, 2)}\n`);
  const sources = written.reduce((n, w) => n + w.value.sources.length, 0);
  console.log(`convert: ${written.length} events, ${sources} sources → ${relative(process.cwd(), out) || '.'}`);
}

main();
