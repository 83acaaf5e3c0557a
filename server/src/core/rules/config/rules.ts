import { closest, distance } from 'fastest-levenshtein';
import { defineRule } from '../rule';
import { validateValue } from '../../schema/validate';
import { formatPointer } from '../../base/pointer';
import type { Rule } from '../rule';
import { CATALOGUE } from '../catalogue';

/** Every id a `rules:` entry may name: rule ids, the ids family rules report, and family prefixes. */
function knownIds(self: Rule): Map<string, Rule> {
  const m = new Map<string, Rule>([[self.meta.id, self], ['config', self]]);
  for (const r of CATALOGUE) {
    m.set(r.meta.id, r);
    for (const id of r.meta.reports ?? []) m.set(id, r);
    const family = r.meta.id.split('/')[0];
    if (!m.has(family)) m.set(family, r);
  }
  return m;
}

const rule: Rule = defineRule({
  meta: {
    id: 'config/rules',
    description: 'Each entry under `rules:` in haulcheck.yaml names a rule that exists, and its options match that rule’s option schema.',
    defaultSeverity: 'error',
    appliesTo: ['config'],
    messages: {
      unknown: 'No rule is called "{id}"{hint}; this setting has no effect.',
      options: 'Option {path} of rule "{id}": {problem}',
      noOptions: 'Rule "{id}" takes no options; only its severity can be set.',
    },
  },
  check(ctx) {
    const value = ctx.document.value as { rules?: unknown } | undefined;
    const rules = value && typeof value === 'object' ? value.rules : undefined;
    if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return;
    const known = knownIds(rule);
    const ids = [...known.keys()];
    for (const [id, setting] of Object.entries(rules as Record<string, unknown>)) {
      const pointer = formatPointer(['rules', id]);
      const rule = known.get(id);
      if (!rule) {
        const c = closest(id, ids);
        const hint = c && distance(id, c) <= Math.max(2, Math.ceil(id.length / 4)) ? ` (did you mean "${c}"?)` : '';
        ctx.report({ messageId: 'unknown', data: { id, hint, suggestion: hint ? c : undefined }, pointer, at: 'key' });
        continue;
      }
      if (!Array.isArray(setting) || setting.length < 2) continue;
      const options = setting[1];
      if (!rule.meta.optionsSchema) {
        ctx.report({ messageId: 'noOptions', data: { id }, pointer: formatPointer(['rules', id, 1]) });
        continue;
      }
      for (const p of validateValue(rule.meta.optionsSchema, options)) {
        const sub = p.pointer.replace(/^\//, '').replace(/\//g, '.');
        ctx.report({
          messageId: 'options',
          data: { id, path: sub ? `"${sub}"` : '', problem: p.message.replace(/^"[^"]*" /, '').replace(/^the document /, ''), keyword: p.keyword },
          pointer: formatPointer(['rules', id, 1]) + p.pointer,
          at: p.at === 'parent-key' ? 'value' : p.at,
        });
      }
    }
  },
});

export default rule;
