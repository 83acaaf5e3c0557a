/** What every draft of the extractor promises, whatever the article; the corpus registries the tests read with. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type Draft, buildRegistries, checkText, renderDraft } from '../../server/src/core';

const CORPUS_REGISTRIES = join(__dirname, '..', 'corpus', 'dataset', 'registries');
/** The corpus dataset's registries: the sample registries and the names and units the corpus's reports use. */
export const registries = buildRegistries(parse(readFileSync(join(CORPUS_REGISTRIES, 'drugs.yaml'), 'utf8')), parse(readFileSync(join(CORPUS_REGISTRIES, 'agencies.yaml'), 'utf8')));

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
export const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObj) : isObj(v) ? [v] : []);

/** The promises every draft keeps, whatever the article. */
export function assertHonest(draft: Draft, text: string, label: string): void {
  const e = draft.event;
  assert.equal(e.status, 'draft', label);
  const source = list(e.sources)[0];
  const quotes = source.quotes as string[];
  for (const q of quotes) assert.ok(text.includes(q), `${label}: the quote is verbatim in the article: ${q}`);
  const inQuote = (words: unknown) => typeof words === 'string' && quotes.some((q) => q.includes(words));
  for (const s of list(e.seizures)) {
    for (const slot of ['count', 'weight', 'street_value']) for (const f of list(s[slot])) assert.ok(inQuote(f.as_reported), `${label}: the words of ${slot} ${String(f.value)} are in a quote: ${String(f.as_reported)}`);
  }
  for (const c of list(e.date)) assert.ok(inQuote(c.as_reported), `${label}: the date's words are in a quote: ${String(c.as_reported)}`);
  for (const a of list(e.arrests)) assert.ok(inQuote(a.as_reported), `${label}: the arrests' words are in a quote`);
  for (const p of draft.provenance) assert.ok(quotes.includes(p.sentence) || !p.sentence, `${label}: the sentence of ${p.pointer} is a quote`);
  const yaml = renderDraft(draft);
  assert.deepEqual(parse(yaml), e, `${label}: the YAML gives the event back`);
  const schema = checkText(yaml, 'event', { dataset: { registries, today: '2026-11-30' } }).findings.filter((f) => f.ruleId.startsWith('schema/') || f.ruleId.startsWith('yaml/'));
  assert.deepEqual(schema.map((f) => f.message), [], `${label}: the draft passes the schema`);
}
