import rule from '../../../server/src/core/rules/config/rules';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { kind: 'config', code: 'version: 1\nrules:\n  figures/tablet-mass: warning\n  schema: error\n  schema/enum: off\n' },
    { kind: 'config', code: 'version: 1\nrules:\n  figures/source-conflict: [error, {tolerance: 0.2}]\n' },
    { kind: 'config', code: 'version: 1\n' },
  ],
  invalid: [
    {
      kind: 'config',
      code: 'version: 1\nrules:\n  figures/tablet-mas: warning\n',
      errors: [{ messageId: 'unknown', line: 3, column: 3, data: { suggestion: 'figures/tablet-mass' } }],
    },
    {
      kind: 'config',
      code: 'version: 1\nrules:\n  figures/source-conflict: [error, {tolerance: 10}]\n',
      errors: [{ messageId: 'options', line: 3, column: 48, message: 'must be <= 1' }],
    },
    {
      kind: 'config',
      code: 'version: 1\nrules:\n  figures/source-conflict: [error, {tolerence: 0.1}]\n',
      errors: [{ messageId: 'options', line: 3, column: 37, message: 'Unknown key "tolerence"' }],
    },
    {
      kind: 'config',
      code: 'version: 1\nrules:\n  yaml/syntax: [error, {strict: true}]\n',
      errors: [{ messageId: 'noOptions', line: 3, column: 24 }],
    },
  ],
});
