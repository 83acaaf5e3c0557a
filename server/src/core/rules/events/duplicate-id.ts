import { defineRule } from '../rule';
import type { ParsedFile } from '../../yaml/parse';
import { listCounted } from '../../base/format';
import { EVENTS_NAMED, firstNamed, whereIs } from './self';

/** The documents of a file by id, worked out once per parse (not once per document). */
const idsByFile = new WeakMap<ParsedFile, Map<string, number[]>>();

function documentsById(file: ParsedFile): Map<string, number[]> {
  let byId = idsByFile.get(file);
  if (!byId) {
    byId = new Map();
    for (const d of file.docs) {
      const id = (d.value as { id?: unknown } | undefined)?.id;
      if (typeof id !== 'string' || id === '') continue;
      const list = byId.get(id);
      if (list) list.push(d.index);
      else byId.set(id, [d.index]);
    }
    idsByFile.set(file, byId);
  }
  return byId;
}

export default defineRule({
  meta: {
    id: 'events/duplicate-id',
    description: 'Two events of the dataset (in two files, or two documents of one file) have the same id.',
    defaultSeverity: 'error',
    appliesTo: ['event'],
    messages: {
      duplicate: 'Id "{id}" is also the id of the event in {other}; every event needs its own id.',
      duplicateMany: 'Id "{id}" is also the id of {count} other events: {others}; every event needs its own id.',
    },
  },
  check(ctx) {
    const v = ctx.document.value as { id?: unknown } | undefined;
    if (!v || typeof v !== 'object' || typeof v.id !== 'string' || v.id === '') return;
    const id = v.id;
    // The others are counted, and the first few named: however many events share an id, one finding
    // each, of one sentence.
    const named: string[] = [];
    let count = 0;
    const index = ctx.dataset.index;
    if (index) {
      // Without a path, the document cannot be told apart from the others with its id.
      if (ctx.path === undefined) return;
      const all = index.byId(id);
      const self = index.at(ctx.path, ctx.document.index);
      count = all.size - (self && all.has(self) ? 1 : 0);
      for (const f of firstNamed(all, EVENTS_NAMED + 1, (f) => f.file === ctx.path && f.docIndex === ctx.document.index)) named.push(whereIs(f));
    } else {
      // Without a dataset index, at least the other documents of this file.
      const docs = documentsById(ctx.file).get(id) ?? [];
      count = docs.length - 1;
      for (const i of docs) {
        if (named.length > EVENTS_NAMED) break;
        if (i !== ctx.document.index) named.push(`${ctx.path ?? 'this file'}, document ${i + 1}`);
      }
    }
    if (count <= 0) return;
    named.sort();
    if (count === 1) {
      ctx.report({ messageId: 'duplicate', data: { id, other: named[0] }, pointer: '/id' });
      return;
    }
    ctx.report({ messageId: 'duplicateMany', data: { id, count, others: listCounted(named, count, EVENTS_NAMED, '; ') }, pointer: '/id' });
  },
});
