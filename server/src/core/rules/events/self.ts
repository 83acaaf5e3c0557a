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
