import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'yaml/duplicate-key',
    description: 'A key appears twice in the same mapping; only the last value would count, so one of them is silently lost.',
    defaultSeverity: 'error',
    appliesTo: ['event', 'drugs', 'agencies', 'config'],
    messages: {
      duplicate: 'Key "{key}" appears more than once in this mapping; only the last value would be kept.',
    },
  },
  check(ctx) {
    for (const p of ctx.document.problems) {
      if (p.code !== 'DUPLICATE_KEY') continue;
      // The parser points at the key's first character; mark the whole key.
      const rest = ctx.file.text.slice(p.start, ctx.file.lines.lineContentEnd(ctx.file.lines.position(p.start).line));
      const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]*?)\s*:(\s|$)/.exec(rest);
      const raw = m ? m[1] : rest.slice(0, Math.max(1, p.end - p.start));
      const key = raw.replace(/^["']|["']$/g, '') || '?';
      ctx.report({ messageId: 'duplicate', data: { key }, pointer: '', start: p.start, end: p.start + Math.max(1, raw.length) });
    }
  },
});
