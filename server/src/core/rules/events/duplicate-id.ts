import { defineRule } from '../rule';
import { isSelf, whereIs } from './self';

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
    let others: string[];
    if (ctx.dataset.index) {
      others = ctx.dataset.index.byId(id).filter((f) => !isSelf(ctx, f)).map(whereIs);
    } else {
      // Without a dataset index, at least the other documents of this file.
      others = ctx.file.docs
        .filter((d) => d.index !== ctx.document.index && (d.value as { id?: unknown } | undefined)?.id === id)
        .map((d) => `${ctx.path ?? 'this file'}, document ${d.index + 1}`);
    }
    if (others.length === 0) return;
    others.sort();
    ctx.report(
      others.length === 1
        ? { messageId: 'duplicate', data: { id, other: others[0] }, pointer: '/id' }
        : { messageId: 'duplicateMany', data: { id, count: others.length, others: others.join('; ') }, pointer: '/id' },
    );
  },
});
