/**
 * YAML 1.2 always: a `%YAML 1.1` directive is a finding and does not switch the reader to YAML 1.1
 * (no `<<` merge, dates stay text, `yes` stays a word) — the same file means the same thing to every
 * part of Haulcheck, whatever its first line says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../server/src/core';
import { brief, check, compact } from '../helpers/check';
import { VALID_EVENT } from '../helpers/hostile';

const body = VALID_EVENT.replace('# A complete, valid event used as the base of the core fixtures.\n', '');

test('%YAML 1.1: one finding on the directive, and the document is still read as YAML 1.2', () => {
  const text = `%YAML 1.1\n---\n${body.replace('agencies:', 'base: &b {agency: sy-moi-anti-narcotics, role: seizing}\nagencies:').replace('  - {agency: sy-moi-anti-narcotics, role: seizing}', '  - <<: *b\n    role: seizing')}`;
  const value = parseFile(text).docs[0].value as Record<string, unknown>;
  // Read as YAML 1.2: the date is text, `<<` is an ordinary key, nothing was merged.
  assert.equal(value.announced, '2026-02-22');
  const agency = (value.agencies as Record<string, unknown>[])[0];
  assert.ok('<<' in agency, JSON.stringify(agency));
  assert.equal(agency.agency, undefined);
  const findings = check(text);
  const directive = compact(findings).find((f) => f.at === '1:1');
  assert.deepEqual(directive, {
    ruleId: 'yaml/syntax',
    at: '1:1',
    message: 'This file asks for YAML 1.1 (%YAML 1.1), but Haulcheck reads every file as YAML 1.2 (as the schemas and the other tools of this dataset do): "<<" merges nothing and dates stay text. Remove the directive.',
  });
  // Dates are not described as mappings (as YAML 1.1 timestamps would be).
  assert.ok(!findings.some((f) => /announced/.test(f.pointer) && f.ruleId.startsWith('schema/')), brief(findings).join('\n'));
});

test('%YAML 1.2 is accepted silently; yes stays a word under either directive', () => {
  for (const version of ['1.2', '1.1']) {
    const text = `%YAML ${version}\n---\nflag: yes\nday: 2026-02-22\n`;
    const value = parseFile(text).docs[0].value as Record<string, unknown>;
    assert.deepEqual(value, { flag: 'yes', day: '2026-02-22' }, version);
  }
  assert.ok(!compact(check(`%YAML 1.2\n---\n${body}`)).some((f) => f.at === '1:1'));
});
