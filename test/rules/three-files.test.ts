/**
 * Every rule has its three files — code, test, docs page — and its docs page's incorrect example
 * makes the rule report while its correct example keeps it silent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES, DatasetIndex, buildRegistries, checkText, extractFacts, parseFile, resolveConfig } from '../../server/src/core';
import { SAMPLE_REGISTRIES } from '../helpers/rule-tester';

const root = join(__dirname, '..', '..');

/** A rule's three files by its id: `yaml/syntax` → rules/yaml/syntax.ts, test/rules/yaml/syntax.test.ts, docs/rules/yaml/syntax.md. */
export function ruleFiles(id: string) {
  return {
    code: join(root, 'server', 'src', 'core', 'rules', `${id}.ts`),
    test: join(root, 'test', 'rules', `${id}.test.ts`),
    docs: join(root, 'docs', 'rules', `${id}.md`),
  };
}

/** The ```yaml block under a `## Incorrect` / `## Correct` heading of a docs page. */
export function example(markdown: string, heading: 'Incorrect' | 'Correct'): string | undefined {
  const re = new RegExp(`^## ${heading}\\b[^\\n]*\\n[\\s\\S]*?\`\`\`yaml\\n([\\s\\S]*?)\`\`\``, 'm');
  return re.exec(markdown)?.[1];
}

void buildRegistries;

for (const rule of ALL_RULES) {
  const id = rule.meta.id;
  test(`${id} has code, test and docs page`, () => {
    const files = ruleFiles(id);
    for (const [what, p] of Object.entries(files)) assert.ok(existsSync(p), `${id}: missing ${what} file ${p}`);
    const docs = readFileSync(files.docs, 'utf8');
    assert.match(docs, new RegExp(`^# ${id.replace(/\//g, '\\/')}\\b`, 'm'), `${id}: docs page must start with "# ${id}"`);
    for (const h of ['## Incorrect', '## Correct']) assert.ok(docs.includes(h), `${id}: docs page lacks "${h}"`);
    assert.ok(rule.meta.description.length > 10, `${id}: meta.description is missing`);
    for (const [mid, m] of Object.entries(rule.meta.messages)) assert.ok(m.trim().length > 0, `${id}: message ${mid} is empty`);
  });

  test(`${id} docs examples: incorrect reports, correct is silent`, () => {
    const docs = readFileSync(ruleFiles(id).docs, 'utf8');
    const kindMatch = /<!--\s*kind:\s*(event|drugs|agencies|config)\s*-->/.exec(docs);
    const kind = (kindMatch?.[1] ?? 'event') as 'event';
    const others: Record<string, string> = {};
    for (const m of docs.matchAll(/<!--\s*other-file:\s*(\S+)\s*-->\s*```yaml\n([\s\S]*?)```/g)) others[m[1]] = m[2];
    const path = /<!--\s*path:\s*(\S+)\s*-->/.exec(docs)?.[1] ?? 'events/2026/example.yaml';
    // What the shell found on disk for the config's paths (config/paths), as JSON.
    const layout = /<!--\s*layout:\s*(\{.*?\})\s*-->/.exec(docs)?.[1];
    const run = (text: string) => {
      const index = new DatasetIndex();
      for (const [p, t] of Object.entries(others)) index.set(p, extractFacts(p, parseFile(t)));
      index.set(path, extractFacts(path, parseFile(text)));
      return checkText(text, kind, {
        config: resolveConfig({}),
        dataset: { registries: SAMPLE_REGISTRIES, today: '2026-03-01', index, ...(layout ? { layout: JSON.parse(layout) } : {}) },
        rules: [rule],
        path,
      }).findings.filter((f) => f.ruleId === id || f.ruleId.startsWith(id + '/') || f.ruleId === 'internal/rule-error');
    };
    const bad = example(docs, 'Incorrect');
    const good = example(docs, 'Correct');
    assert.ok(bad !== undefined && good !== undefined, `${id}: docs page needs a yaml block under each of "## Incorrect" and "## Correct"`);
    assert.ok(run(bad).filter((f) => f.ruleId !== 'internal/rule-error').length > 0, `${id}: the incorrect example produces no finding`);
    assert.deepEqual(run(good).map((f) => f.message), [], `${id}: the correct example produces findings`);
  });
}

test('the documentation link of every id that can be reported leads to a page (and heading) that exists', async () => {
  const { DOCS_BASE_URL, INTERNAL_RULE_ID, ruleDocsUrl } = await import('../../server/src/core');
  const ids = new Set<string>([INTERNAL_RULE_ID]);
  for (const r of ALL_RULES) for (const id of [r.meta.id, ...(r.meta.reports ?? [])]) ids.add(id);
  const missing: string[] = [];
  for (const id of ids) {
    const url = ruleDocsUrl(id);
    assert.ok(url.startsWith(DOCS_BASE_URL), url);
    const [rel, anchor] = url.slice(DOCS_BASE_URL.length).split('#');
    const file = join(root, 'docs', 'rules', rel);
    if (!existsSync(file)) {
      missing.push(`${id}: ${rel}`);
      continue;
    }
    if (anchor && !new RegExp(`^#+ ${anchor}\\b`, 'im').test(readFileSync(file, 'utf8'))) missing.push(`${id}: ${rel}#${anchor}`);
  }
  assert.deepEqual(missing, []);
});
