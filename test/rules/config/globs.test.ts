import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/config/globs';
import { globLeavesRoot, resolveConfig } from '../../../server/src/core';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { kind: 'config', code: 'version: 1\nevents: [events/**/*.yaml, "./more/*.yml", "{2025,2026}/*.yaml"]\nignore: [events/drafts/**]\n' },
    { kind: 'config', code: 'version: 1\n' },
    { kind: 'config', code: 'version: 1\nevents: events/**/*.yaml\n' },
    { kind: 'config', code: 'version: 1\nevents: [3, null]\n' },
  ],
  invalid: [
    {
      kind: 'config',
      code: 'version: 1\nevents:\n  - /**\n  - ../**/*.yaml\n  - events/**/*.yaml\n',
      errors: [
        { messageId: 'leaves', line: 3, column: 5, message: 'The glob "/**" leaves the dataset folder (it is an absolute path)', data: { glob: '/**' } },
        { messageId: 'leaves', line: 4, column: 5, message: 'The glob "../**/*.yaml" leaves the dataset folder (it goes up with "..")' },
      ],
    },
    {
      kind: 'config',
      code: 'version: 1\nevents: ["{/etc,events}/**", "events/{..,x}/*.yaml"]\nignore: [/tmp/**]\n',
      errors: [
        { messageId: 'leaves', line: 2, column: 10, data: { why: 'it is an absolute path' } },
        { messageId: 'leaves', line: 2, column: 30, data: { why: 'it goes up with ".."' } },
        { messageId: 'leaves', line: 3, column: 10 },
      ],
    },
  ],
});

test('globs that leave the dataset are dropped from the resolved config (never walked)', () => {
  const c = resolveConfig({ events: ['/**', '../**/*.yaml', 'events/**/*.yaml'], ignore: ['../x/**', 'drafts/**'] });
  assert.deepEqual(c.events, ['events/**/*.yaml']);
  assert.deepEqual(c.ignore, ['drafts/**']);
  // Only globs that leave: nothing is walked (not the defaults).
  assert.deepEqual(resolveConfig({ events: ['/**'] }).events, []);
  for (const g of ['a/../b', './..', '..', 'x/{a,..}/y']) assert.ok(globLeavesRoot(g), g);
  for (const g of ['events/**', './events/*.yaml', 'a..b/*.yaml', '{a,b}/*', '**/...yaml']) assert.equal(globLeavesRoot(g), undefined, g);
});
