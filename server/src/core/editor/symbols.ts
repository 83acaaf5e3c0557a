/**
 * Navigation: the outline of a file (seizures with their drug and figures, sources with their
 * publisher, dates), and what a value refers to (a source id within the event, a drug or agency id in
 * the registries) with the places that define and use it.
 */
import { type Node as YamlNode, isMap, isPair, isScalar, isSeq } from 'yaml';
import { docAt, isObj, matches } from './editor';
import { figuresOf, sourceReferences, sourcesOf } from '../model/event';
import { keyText, locate, nodeRange, pathAt, type ParsedDocument, type ParsedFile } from '../yaml/parse';
import type { FileKind } from '../base/types';
import { formatNumber } from '../base/format';

export type OutlineKind = 'event' | 'key' | 'seizure' | 'figure' | 'source' | 'date' | 'location' | 'agency' | 'conflict' | 'entry';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The whole entry. */
  start: number;
  end: number;
  /** The part to select (its key or name). */
  selStart: number;
  selEnd: number;
  children?: OutlineSymbol[];
}

const QUAL: Record<string, string> = { about: '~', more_than: '>', at_least: '≥', less_than: '<', up_to: '≤' };

function figureSummary(slot: unknown, pointer: string): string {
  return figuresOf(slot, pointer)
    .map((f) => {
      const v = f.qualifier === 'range' && f.min !== undefined && f.max !== undefined ? `${formatNumber(f.min)}–${formatNumber(f.max)}` : f.value === undefined ? '?' : formatNumber(f.value);
      return `${QUAL[f.qualifier] ?? ''}${v}${f.unit ? ' ' + f.unit : ''}${f.source ? ` (${f.source})` : ''}`;
    })
    .join(' / ');
}

function pairRange(p: unknown): [number, number] | undefined {
  if (!isPair(p)) return undefined;
  const k = nodeRange(p.key as YamlNode);
  const v = nodeRange(p.value as YamlNode);
  if (!k) return undefined;
  return [k[0], v ? Math.max(k[1], v[1]) : k[1]];
}

function sym(name: string, kind: OutlineKind, whole: [number, number], sel: [number, number] | undefined, detail?: string, children?: OutlineSymbol[]): OutlineSymbol {
  const s = sel ?? whole;
  return { name, kind, detail: detail || undefined, start: whole[0], end: Math.max(whole[1], s[1]), selStart: s[0], selEnd: s[1], children: children?.length ? children : undefined };
}

/** The list items of a sequence with their ranges. */
function itemsOf(node: unknown): { node: YamlNode; range: [number, number] }[] {
  if (!isSeq(node)) return [];
  return node.items.flatMap((n) => {
    const r = nodeRange(n as YamlNode);
    return r ? [{ node: n as YamlNode, range: r }] : [];
  });
}

function keyRangeIn(map: unknown, key: string): [number, number] | undefined {
  if (!isMap(map)) return undefined;
  const p = map.items.find((i) => isPair(i) && keyText(i.key) === key);
  return p ? nodeRange(p.key as YamlNode) : undefined;
}

function eventSymbols(doc: ParsedDocument): OutlineSymbol[] {
  const root = doc.doc.contents;
  if (!isMap(root)) return [];
  const ev = isObj(doc.value) ? doc.value : {};
  const out: OutlineSymbol[] = [];
  for (const p of root.items) {
    const key = keyText(p.key) ?? '';
    const whole = pairRange(p);
    const sel = nodeRange(p.key as YamlNode);
    if (!whole) continue;
    const v = ev[key];
    if (key === 'seizures') {
      const children = itemsOf(p.value).map(({ node, range }, i) => {
        const s = isObj((ev.seizures as unknown[] | undefined)?.[i]) ? ((ev.seizures as unknown[])[i] as Record<string, unknown>) : {};
        const figs = (['count', 'weight', 'volume'] as const).filter((f) => s[f] !== undefined && s[f] !== null);
        const figureChildren = figs.flatMap((f) => {
          const pr = isMap(node) ? node.items.find((x) => isPair(x) && keyText(x.key) === f) : undefined;
          const r = pairRange(pr);
          return r ? [sym(f, 'figure', r, keyRangeIn(node, f), figureSummary(s[f], `/seizures/${i}/${f}`))] : [];
        });
        const detail = figs.map((f) => figureSummary(s[f], `/seizures/${i}/${f}`).replace(/ \([^)]*\)/g, '')).join(' · ');
        return sym(typeof s.drug === 'string' ? s.drug : `seizure ${i + 1}`, 'seizure', range, keyRangeIn(node, 'drug'), detail, figureChildren);
      });
      out.push(sym('seizures', 'key', whole, sel, `${children.length}`, children));
    } else if (key === 'sources') {
      const srcs = sourcesOf(ev);
      const children = itemsOf(p.value).map(({ node, range }, i) => {
        const s = srcs.find((x) => x.index === i);
        const detail = s ? [s.publisher, typeof s.published === 'string' ? s.published : 'no publication date'].filter(Boolean).join(', ') : undefined;
        return sym(s?.id ?? `source ${i + 1}`, 'source', range, keyRangeIn(node, 'id'), detail);
      });
      out.push(sym('sources', 'key', whole, sel, `${children.length}`, children));
    } else if (key === 'date') {
      const claims = Array.isArray(v) ? v : [v];
      const describe = (c: unknown) =>
        isObj(c) ? [c.on !== undefined ? String(c.on) : [c.from, c.to].map((x) => (x == null ? '…' : String(x))).join(' – '), c.precision && `(${String(c.precision)})`, c.source && `· ${String(c.source)}`].filter(Boolean).join(' ') : '';
      const children = Array.isArray(v) ? itemsOf(p.value).map(({ node, range }, i) => sym(describe(claims[i]) || `claim ${i + 1}`, 'date', range, keyRangeIn(node, 'on') ?? keyRangeIn(node, 'from') ?? keyRangeIn(node, 'to'))) : undefined;
      out.push(sym('date', 'date', whole, sel, Array.isArray(v) ? `${claims.length} claims` : describe(v), children));
    } else if (key === 'announced') {
      out.push(sym('announced', 'date', whole, sel, v == null ? '' : String(v)));
    } else if (key === 'location') {
      const l = isObj(v) ? v : {};
      out.push(sym('location', 'location', whole, sel, [l.country, l.admin1, l.place].filter((x) => typeof x === 'string').join(', ')));
    } else if (key === 'agencies') {
      const children = itemsOf(p.value).map(({ node, range }, i) => {
        const a = Array.isArray(v) && isObj(v[i]) ? v[i] : {};
        return sym(typeof a.agency === 'string' ? a.agency : `agency ${i + 1}`, 'agency', range, keyRangeIn(node, 'agency'), typeof a.role === 'string' ? a.role : undefined);
      });
      out.push(sym('agencies', 'key', whole, sel, `${children.length}`, children));
    } else if (key === 'conflicts') {
      const children = itemsOf(p.value).map(({ node, range }, i) => {
        const c = Array.isArray(v) && isObj(v[i]) ? v[i] : {};
        return sym(typeof c.field === 'string' ? c.field : `conflict ${i + 1}`, 'conflict', range, keyRangeIn(node, 'field'), typeof c.chosen === 'string' ? `chosen: ${c.chosen}` : undefined);
      });
      out.push(sym('conflicts', 'key', whole, sel, `${children.length}`, children));
    } else if (key === 'arrests') {
      out.push(sym('arrests', 'figure', whole, sel, figureSummary(v, '/arrests')));
    } else {
      out.push(sym(key, 'key', whole, sel, isScalar(p.value) && typeof v !== 'object' && v !== undefined && v !== null ? String(v).slice(0, 60) : undefined));
    }
  }
  return out;
}

function registrySymbols(doc: ParsedDocument, list: 'drugs' | 'agencies'): OutlineSymbol[] {
  const root = doc.doc.contents;
  if (!isMap(root)) return [];
  const pair = root.items.find((p) => keyText(p.key) === list);
  if (!pair) return [];
  return itemsOf(pair.value).map(({ node, range }) => {
    const id = isMap(node) ? node.get('id') : undefined;
    const name = isMap(node) ? node.get('name') : undefined;
    return sym(typeof id === 'string' ? id : '?', 'entry', range, keyRangeIn(node, 'id'), typeof name === 'string' ? name : undefined);
  });
}

export function documentSymbols(file: ParsedFile, kind: FileKind): OutlineSymbol[] {
  const perDoc = file.docs.map((d) => (kind === 'event' ? eventSymbols(d) : kind === 'drugs' || kind === 'agencies' ? registrySymbols(d, kind) : []));
  if (file.docs.length === 1) return perDoc[0];
  return file.docs.flatMap((d, i) => {
    const id = isObj(d.value) && typeof d.value.id === 'string' ? d.value.id : `document ${i + 1}`;
    const children = perDoc[i];
    if (!children.length) return [];
    return [sym(id, 'event', [children[0].start, children[children.length - 1].end], [children[0].selStart, children[0].selEnd], undefined, children)];
  });
}

// ---------------------------------------------------------------------------------------------
// References

export interface RefTarget {
  kind: 'source' | 'drug' | 'agency';
  id: string;
  docIndex: number;
  /** The range of the id under the cursor. */
  start: number;
  end: number;
}

/** The source, drug or agency id at an offset (a use or its definition). */
export function referenceAt(file: ParsedFile, kind: FileKind, offset: number): RefTarget | undefined {
  const doc = docAt(file, offset);
  if (!doc) return undefined;
  const at = pathAt(doc.doc, offset);
  if (!at || at.onKey || !isScalar(at.node) || typeof at.node.value !== 'string') return undefined;
  const segs = at.segments;
  const last = String(segs[segs.length - 1]);
  const id = at.node.value;
  const r = nodeRange(at.node)!;
  const t = (k: RefTarget['kind']): RefTarget => ({ kind: k, id, docIndex: doc.index, start: r[0], end: r[1] });
  if (kind === 'event') {
    if (matches(segs, ['sources', '#', 'id'])) return t('source');
    if (segs[0] !== 'sources' && (last === 'source' || (last === 'chosen' && segs[0] === 'conflicts'))) return t('source');
    if (last === 'drug') return t('drug');
    if (last === 'agency') return t('agency');
  }
  if (kind === 'drugs' && matches(segs, ['drugs', '#', 'id'])) return t('drug');
  if (kind === 'agencies' && (matches(segs, ['agencies', '#', 'id']) || matches(segs, ['agencies', '#', 'parent']))) return t('agency');
  return undefined;
}

/** Where a source id is defined in an event document (the `id` value under `sources`). */
export function sourceDefinition(file: ParsedFile, docIndex: number, id: string): [number, number] | undefined {
  const doc = file.docs[docIndex];
  if (!doc) return undefined;
  const s = sourcesOf(doc.value).find((x) => x.id === id);
  return s ? nodeRange(locate(doc.doc, `${s.pointer}/id`).node) : undefined;
}

/** Every place in an event document that cites a source id (figures, dates, conflicts). */
export function sourceUses(file: ParsedFile, docIndex: number, id: string): [number, number][] {
  const doc = file.docs[docIndex];
  if (!doc) return [];
  return sourceReferences(doc.value)
    .filter((r) => r.id === id)
    .map((r) => nodeRange(locate(doc.doc, r.pointer).node))
    .filter((r): r is [number, number] => !!r)
    .sort((a, b) => a[0] - b[0])
    .filter((r, i, all) => i === 0 || r[0] !== all[i - 1][0]);
}

/** Every use of a drug or agency id in a file: seizures' drugs, agencies' ids, registry parents. */
export function idUses(file: ParsedFile, kind: FileKind, target: 'drug' | 'agency', id: string): [number, number][] {
  const out: [number, number][] = [];
  for (const doc of file.docs) {
    const v = doc.value;
    if (!isObj(v)) continue;
    const pointers: string[] = [];
    if (kind === 'event') {
      const list = target === 'drug' ? v.seizures : v.agencies;
      const key = target === 'drug' ? 'drug' : 'agency';
      if (Array.isArray(list)) list.forEach((x, i) => isObj(x) && x[key] === id && pointers.push(`/${target === 'drug' ? 'seizures' : 'agencies'}/${i}/${key}`));
    } else if (kind === 'agencies' && target === 'agency' && Array.isArray(v.agencies)) {
      v.agencies.forEach((x, i) => isObj(x) && x.parent === id && pointers.push(`/agencies/${i}/parent`));
    }
    for (const p of pointers) {
      const r = nodeRange(locate(doc.doc, p).node);
      if (r) out.push(r);
    }
  }
  return out;
}

/** Where a registry defines an id: the `id` value of its entry in `drugs.yaml` / `agencies.yaml`. */
export function registryEntry(registry: ParsedFile, list: 'drugs' | 'agencies', id: string): [number, number] | undefined {
  for (const doc of registry.docs) {
    const v = doc.value;
    if (!isObj(v) || !Array.isArray(v[list])) continue;
    const i = (v[list] as unknown[]).findIndex((e) => isObj(e) && e.id === id);
    if (i >= 0) return nodeRange(locate(doc.doc, `/${list}/${i}/id`).node);
  }
  return undefined;
}
