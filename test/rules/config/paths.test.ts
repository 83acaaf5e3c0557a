import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../../server/src/core/rules/config/paths';
import { ALL_RULES } from '../../../server/src/core';
import { ruleTester } from '../../helpers/rule-tester';

const FOUND = { 'registries/drugs.yaml': 'found', 'registries/agencies.yaml': 'found' } as const;
const CONFIG = 'version: 1\nevents: [events/**/*.yaml]\nregistries:\n  drugs: registries/drugs.yaml\n  agencies: registries/agencies.yaml\n';

ruleTester(rule, {
  valid: [
    { name: 'everything found', kind: 'config', code: CONFIG, dataset: { layout: { registries: FOUND, events: { 'events/**/*.yaml': 12 } } } },
    { name: 'the shell did not look (a browser, a file checked alone)', kind: 'config', code: CONFIG },
    { name: 'the default globs, one of them matching', kind: 'config', code: 'version: 1\n', dataset: { layout: { registries: FOUND, events: { 'events/**/*.yaml': 3, 'events/**/*.yml': 0 } } } },
    { name: 'an ignore glob that leaves a file out', kind: 'config', code: CONFIG + 'ignore: [events/drafts/**]\n', dataset: { layout: { registries: FOUND, events: { 'events/**/*.yaml': 2 }, ignore: { 'events/drafts/**': 1 } } } },
  ],
  invalid: [
    {
      name: 'a registry that does not exist names the checks it turns off',
      kind: 'config',
      code: CONFIG,
      dataset: { layout: { registries: { ...FOUND, 'registries/drugs.yaml': 'missing' }, events: { 'events/**/*.yaml': 1 } } },
      errors: [
        {
          messageId: 'registry',
          line: 4,
          column: 10,
          message: 'registries.drugs: registries/drugs.yaml does not exist: figures/drug-name, figures/magnitude, figures/tablet-mass, figures/unit-for-drug and refs/unknown-drug cannot run.',
        },
      ],
    },
    {
      name: 'a registry outside the dataset',
      kind: 'config',
      code: CONFIG.replace('agencies: registries/agencies.yaml', 'agencies: ../shared/agencies.yaml'),
      dataset: { layout: { registries: { 'registries/drugs.yaml': 'found', '../shared/agencies.yaml': 'outside' }, events: { 'events/**/*.yaml': 1 } } },
      errors: [{ messageId: 'registry', line: 5, column: 13, message: 'registries.agencies: ../shared/agencies.yaml is outside the dataset, so it is not read: refs/unknown-agency cannot run.' }],
    },
    {
      name: 'the default registry, not named in the config: on the first line',
      kind: 'config',
      code: '# the dataset\nversion: 1\nevents: [events/**/*.yaml]\n',
      dataset: { layout: { registries: { 'registries/drugs.yaml': 'found', 'registries/agencies.yaml': 'missing' }, events: { 'events/**/*.yaml': 1 } } },
      errors: [{ messageId: 'registry', line: 2, column: 1, data: { path: 'registries/agencies.yaml' } }],
    },
    {
      name: 'an events glob that matches nothing',
      kind: 'config',
      code: 'version: 1\nevents:\n  - events/**/*.yaml\n  - event/**/*.yml\n',
      dataset: { layout: { registries: FOUND, events: { 'events/**/*.yaml': 4, 'event/**/*.yml': 0 } } },
      errors: [{ messageId: 'events', line: 4, column: 5, message: 'events[1]: event/**/*.yml matches no file, so no event is checked through it.' }],
    },
    {
      name: 'the default globs match nothing',
      kind: 'config',
      code: 'version: 1\n',
      dataset: { layout: { registries: FOUND, events: { 'events/**/*.yaml': 0, 'events/**/*.yml': 0 } } },
      errors: [{ messageId: 'noEvents', line: 1, column: 1 }],
    },
    {
      name: 'an ignore glob that leaves nothing out (a warning)',
      kind: 'config',
      code: CONFIG + 'ignore: [event/drafts/**]\n',
      dataset: { layout: { registries: FOUND, events: { 'events/**/*.yaml': 2 }, ignore: { 'event/drafts/**': 0 } } },
      errors: [{ messageId: 'ignore', line: 6, column: 10 }],
    },
  ],
});

/** Rules that read a registry when there is one and still run without it (they do not need it). */
const OPTIONAL: Record<string, string> = {
  'figures/source-conflict': 'prefers the side whose tablets fit the drug\'s band when there is one; reports the disagreement either way',
};

test('every rule that reads a registry says so (meta.needsRegistries), so that config/paths can name it', () => {
  const root = join(__dirname, '..', '..', '..', 'server', 'src', 'core', 'rules');
  for (const r of ALL_RULES) {
    if (OPTIONAL[r.meta.id]) {
      assert.equal(r.meta.needsRegistries, undefined, r.meta.id);
      continue;
    }
    let source: string;
    try {
      source = readFileSync(join(root, `${r.meta.id}.ts`), 'utf8');
    } catch {
      continue; // family rules (schema) live in one file of their own
    }
    const reads = { drugs: /registries\?*\.drugs|drugEntry\(|bandFor\(/.test(source), agencies: /registries\?*\.agencies/.test(source) };
    for (const kind of ['drugs', 'agencies'] as const) {
      if (r.meta.id === 'config/paths') continue;
      assert.equal(!!r.meta.needsRegistries?.includes(kind), reads[kind], `${r.meta.id}: reads the ${kind} registry ${reads[kind]}, declares ${r.meta.needsRegistries}`);
    }
  }
});
