/**
 * Which files of a dataset a change can reach. The dataset-wide rules compare an event with the
 * events that share its id (events/duplicate-id), one of its URLs (sources/duplicate-url) or its
 * country, a drug and dates a few days apart (events/possible-duplicate), and name them with their
 * file and line: when an event's facts enter or leave the index, only those events' findings can
 * change. The editor re-checks them instead of every file.
 */
import type { ResolvedConfig } from '../model/config';
import { settingFor } from '../model/config';
import { type DatasetIndexView, type EventFacts, spanDays } from '../model/dataset-index';
import { duplicateDays } from './events/possible-duplicate';

/** How many days apart events/possible-duplicate compares events with this config (its `days` option). */
export function duplicateWindowDays(config: ResolvedConfig): number {
  return duplicateDays(settingFor(config, 'events/possible-duplicate')?.options);
}

/**
 * The files (dataset paths) holding events whose dataset-wide findings may depend on any of
 * `facts` — pass both the facts a file had before a change and those it has after, so that the
 * events that stop matching are found as well as those that start to. The files of `facts`
 * themselves are included when another of their events is related.
 */
export function filesRelatedTo(index: DatasetIndexView, facts: Iterable<EventFacts>, days: number): Set<string> {
  const out = new Set<string>();
  const add = (list: Iterable<EventFacts>) => {
    for (const f of list) out.add(f.file);
  };
  // Each question once: a file of a thousand like events asks the same ones a thousand times. What
  // `near` finds besides the URLs' events depends only on the country, the drugs and the dates.
  const asked = new Set<string>();
  const ask = (key: string) => !asked.has(key) && (asked.add(key), true);
  for (const f of facts) {
    if (f.id && ask(`id\u0000${f.id}`)) add(index.byId(f.id));
    for (const u of f.urls) if (ask(`url\u0000${u.url}`)) add(index.byUrl(u.url));
    if (!index.near) {
      // Without the candidate query every event may be near: every file.
      if (ask('all')) add(index.events());
      continue;
    }
    const span = spanDays(f);
    if (!f.country || !span) continue;
    if (ask(`near\u0000${f.country}\u0000${[...new Set(f.drugs)].sort().join('\u0001')}\u0000${span.start}:${span.end}`)) add(index.near(f, days));
  }
  return out;
}
