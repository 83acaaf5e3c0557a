import { defineRule } from '../rule';
import { formatPointer, pointerToPath } from '../../base/pointer';

/** A placeholder left to fill in: `TODO`, alone or leading the text ("TODO: why …"). */
const PLACEHOLDER = /^\s*TODO\b/;

/** Pointers of the string values of a document that are placeholders, in document order (`path`: the walk's stack). */
function placeholders(value: unknown, path: (string | number)[] = [], out: { pointer: string; text: string }[] = [], depth = 0): typeof out {
  if (depth > 64) return out;
  if (typeof value === 'string') {
    if (value.includes('TODO') && PLACEHOLDER.test(value)) out.push({ pointer: formatPointer(path), text: value });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      placeholders(value[i], path, out, depth + 1);
      path.pop();
    }
  } else if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      path.push(k);
      placeholders((value as Record<string, unknown>)[k], path, out, depth + 1);
      path.pop();
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'events/placeholder',
    description: 'No value is still a placeholder ("TODO") left by the new-event skeleton or a quick-fix.',
    defaultSeverity: 'error',
    appliesTo: ['event'],
    messages: {
      placeholder: '{field} is still the placeholder "{text}"; replace it with what the source says before the event is merged.',
    },
  },
  check(ctx) {
    for (const p of placeholders(ctx.document.value)) {
      const text = p.text.length > 60 ? p.text.slice(0, 57).trimEnd() + '…' : p.text;
      ctx.report({ messageId: 'placeholder', data: { field: pointerToPath(p.pointer) || 'The document', text }, pointer: p.pointer });
    }
  },
});
