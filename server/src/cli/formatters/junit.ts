/**
 * JUnit XML, as CI test-report viewers read it: one <testsuite> per checked file, one <testcase>
 * with a <failure> per finding, and one passing <testcase> for a file without findings.
 */
import { ruleDocsUrl } from '../../core';
import { repoPath } from '../keys';
import type { Formatter } from '../types';

/** Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
function xmlChars(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

export function xmlText(s: string): string {
  return xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also keep their quotes and their line breaks and tabs (which parsers would fold). */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Written as it goes: the totals first (counted in a first pass), then a suite per file. */
export const formatJunit: Formatter = (results, ctx, write) => {
  let tests = 0;
  let failures = 0;
  for (const r of results) {
    tests += Math.max(1, r.findings.length);
    failures += r.findings.length;
  }
  write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="haulcheck" tests="${tests}" failures="${failures}" errors="0">\n`);
  for (const r of results) {
    const file = repoPath(ctx.root, r.path);
    write(`  <testsuite name="${xmlAttr(file)}" tests="${Math.max(1, r.findings.length)}" failures="${r.findings.length}" errors="0" skipped="0">\n`);
    if (r.findings.length === 0) {
      write(`    <testcase classname="${xmlAttr(file)}" name="${xmlAttr(`${file} has no problems`)}" file="${xmlAttr(file)}"/>\n`);
    }
    for (const f of r.findings) {
      const s = f.range.start;
      const where = `${file}:${s.line + 1}:${s.character + 1}`;
      const body = `${f.severity}: ${f.message}\nRule: ${f.ruleId} (${ruleDocsUrl(f.ruleId)})\nAt: ${where}${f.pointer ? ` (${f.pointer})` : ''}`;
      write(
        `    <testcase classname="${xmlAttr(file)}" name="${xmlAttr(`${f.ruleId} at ${s.line + 1}:${s.character + 1}`)}" file="${xmlAttr(file)}" line="${s.line + 1}">\n` +
          `      <failure type="${xmlAttr(f.ruleId)}" message="${xmlAttr(f.message)}">${xmlText(body)}</failure>\n` +
          '    </testcase>\n',
      );
    }
    write('  </testsuite>\n');
  }
  write('</testsuites>\n');
};
