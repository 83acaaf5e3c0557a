import { defineRule } from '../rule';
import type { Report, Rule } from '../rule';
import { formatPointer } from '../../base/pointer';
import { CATALOGUE } from '../catalogue';
import { DEFAULT_CONFIG } from '../../model/config';
import type { RegistryStatus } from '../../model/dataset';

const REGISTRY_KINDS = ['drugs', 'agencies'] as const;

const WHY: Record<Exclude<RegistryStatus, 'found'>, string> = {
  missing: 'does not exist',
  outside: 'is outside the dataset, so it is not read',
  'not-a-file': 'is not a file',
  unreadable: 'cannot be read',
};

/** "a", "a and b", "a, b and c". */
function andList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The rules that read a registry, by id. */
function rulesNeeding(kind: 'drugs' | 'agencies'): string[] {
  return CATALOGUE.filter((r: Rule) => r.meta.needsRegistries?.includes(kind))
    .map((r) => r.meta.id)
    .sort();
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

const rule: Rule = defineRule({
  meta: {
    id: 'config/paths',
    description: 'Every registry and glob haulcheck.yaml names matches something; a path that matches nothing would silently turn checks off.',
    defaultSeverity: 'error',
    appliesTo: ['config'],
    messages: {
      registry: '{key}: {path} {why}: {checks} cannot run.',
      events: '{key}: {glob} matches no file, so no event is checked through it.',
      noEvents: 'events: no file matches the default globs {globs}, so no event is checked; add events or set events: to where they are.',
      ignore: '{key}: {glob} leaves out no event file; remove it or correct it.',
    },
  },
  check(ctx) {
    const layout = ctx.dataset.layout;
    if (!layout) return;
    const config = isObj(ctx.document.value) ? ctx.document.value : {};
    const registries = isObj(config.registries) ? config.registries : undefined;

    for (const kind of REGISTRY_KINDS) {
      const named = typeof registries?.[kind] === 'string' ? (registries[kind] as string) : undefined;
      const path = named ?? DEFAULT_CONFIG.registries[kind];
      const status = layout.registries?.[path];
      if (!status || status === 'found') continue;
      const where: Pick<Report, 'pointer' | 'at'> = named
        ? { pointer: formatPointer(['registries', kind]) }
        : registries
          ? { pointer: '/registries', at: 'key' }
          : { pointer: '', at: 'parent-key' };
      const checks = rulesNeeding(kind);
      ctx.report({
        messageId: 'registry',
        data: { key: `registries.${kind}`, path, why: WHY[status], checks: andList(checks), status, rules: checks },
        ...where,
      });
    }

    const globs = Array.isArray(config.events) ? config.events : undefined;
    if (layout.events) {
      if (globs) {
        globs.forEach((g, i) => {
          if (typeof g === 'string' && layout.events![g] === 0) ctx.report({ messageId: 'events', data: { key: `events[${i}]`, glob: g }, pointer: formatPointer(['events', i]) });
        });
      } else {
        const counts = Object.values(layout.events);
        if (counts.length && counts.every((n) => n === 0)) {
          ctx.report({ messageId: 'noEvents', data: { globs: andList(DEFAULT_CONFIG.events) }, pointer: '', at: 'parent-key' });
        }
      }
    }
    const ignore = Array.isArray(config.ignore) ? config.ignore : [];
    ignore.forEach((g, i) => {
      if (typeof g === 'string' && layout.ignore?.[g] === 0) ctx.report({ messageId: 'ignore', data: { key: `ignore[${i}]`, glob: g }, pointer: formatPointer(['ignore', i]), severity: 'warning' });
    });
  },
});

export default rule;
