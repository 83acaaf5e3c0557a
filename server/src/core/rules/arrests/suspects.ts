import { defineRule } from '../rule';
import { figuresOf, intervalOf } from '../../model/event';
import { formatNumber } from '../../base/format';

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

const QUALIFIER_WORDS: Record<string, string> = {
  exact: '',
  about: 'about ',
  less_than: 'fewer than ',
  up_to: 'up to ',
};

/** One person named twice (by two sources, or with other spacing or accents) is one suspect. */
function personKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export default defineRule({
  meta: {
    id: 'arrests/suspects',
    description: 'The event names more suspects than its arrest figure allows.',
    defaultSeverity: 'error',
    appliesTo: ['event'],
    messages: {
      tooMany: '{count} different suspects are named, but only {arrests} arrests are reported; check the arrests figure and the names.',
      tooManyQualified:
        '{count} different suspects are named, but the arrests figure "{arrests}" allows at most {allowed}; check the arrests figure and the names.',
    },
  },
  check(ctx) {
    const v = ctx.document.value;
    if (!isObj(v) || !Array.isArray(v.suspects) || v.arrests === undefined || v.arrests === null) return;
    const names = new Set<string>();
    for (const s of v.suspects) if (isObj(s) && typeof s.name === 'string' && s.name.trim()) names.add(personKey(s.name));
    const count = names.size;
    if (count === 0) return;
    for (const f of figuresOf(v.arrests, '/arrests')) {
      const iv = intervalOf(f);
      if (!iv || !Number.isFinite(iv.hi)) continue; // "more than 3" allows any number of suspects
      // "about 3" allows a little more: rounding of 10%, at least one person.
      const hi = iv.approximate ? iv.hi + Math.max(1, Math.round(iv.hi * 0.1)) : iv.hi;
      // "fewer than 3" allows at most 2.
      const allowed = f.qualifier === 'less_than' ? Math.ceil(hi) - 1 : Math.floor(hi);
      if (count <= allowed) continue;
      const shown = f.qualifier === 'range' ? `${formatNumber(f.min ?? 0)}–${formatNumber(f.max ?? 0)}` : `${QUALIFIER_WORDS[f.qualifier] ?? ''}${formatNumber(f.value ?? 0)}`;
      const pointer = f.shorthand ? f.pointer : f.qualifier === 'range' ? `${f.pointer}/max` : `${f.pointer}/value`;
      ctx.report({ messageId: f.qualifier === 'exact' ? 'tooMany' : 'tooManyQualified', data: { count, arrests: shown, allowed }, pointer });
    }
  },
});
