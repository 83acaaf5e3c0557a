/** Telling the checked document apart from the other events of the dataset index. */
import type { RuleContext } from '../rule';
import type { EventFacts } from '../../model/dataset-index';

/** The facts describe the document being checked (by path and document index, or by id when the path is unknown). */
export function isSelf(ctx: RuleContext, f: EventFacts): boolean {
  if (ctx.path !== undefined) return f.file === ctx.path && f.docIndex === ctx.document.index;
  const v = ctx.document.value as { id?: unknown } | undefined;
  return !!v && typeof v === 'object' && typeof v.id === 'string' && f.id === v.id;
}

/** "events/2025/x.yaml, line 2" for messages. */
export function whereIs(f: EventFacts): string {
  return f.idLine !== undefined ? `${f.file}, line ${f.idLine + 1}` : f.file;
}

/** Other events a message names before it counts the rest (a group of thousands is one sentence). */
export const EVENTS_NAMED = 5;

/**
 * Events in the order a dataset lists them: by file (numbers by their value), then by document. Messages name events in this
 * order, not in the order the index learnt of them, which differs between the editor (an edited
 * file's events are indexed again) and the command line (threads finish in any order): a reviewer
 * and a maintainer read the same message.
 */
export function datasetOrder(a: EventFacts, b: EventFacts): number {
  return a.file === b.file ? a.docIndex - b.docIndex : FILE_ORDER.compare(a.file, b.file);
}

/** File names as a person sorts them: numbers by their value (e2.yaml before e10.yaml), the same on every machine. */
const FILE_ORDER = new Intl.Collator('en', { numeric: true });

/** How many events are looked at to choose those a message names (a URL cited by thousands is not sorted whole). */
export const NAMED_FROM = 256;

/** The first `n` events of `events` in dataset order, leaving out those `skip` says, among the first NAMED_FROM looked at. */
export function firstNamed(events: Iterable<EventFacts>, n: number, skip: (f: EventFacts) => boolean): EventFacts[] {
  const out: EventFacts[] = [];
  let looked = 0;
  for (const f of events) {
    if (++looked > NAMED_FROM) break;
    if (!skip(f)) out.push(f);
  }
  return out.sort(datasetOrder).slice(0, n);
}
