/** What the language status items say (client/src/status-view.ts, free of `vscode`). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type DatasetStatus, datasetOf, datasetView, problemsText, serverView } from '../../client/src/status-view';

const base: DatasetStatus = {
  root: '/data/seizures',
  uri: 'file:///data/seizures',
  state: 'ready',
  events: 10000,
  workspaceProblems: true,
  files: 10003,
  checked: 10003,
  errors: 408,
  warnings: 1131,
  infos: 1,
};

test('the dataset item: events, problems by severity, busy while indexing or checking, the root and the scope in the detail', () => {
  assert.deepEqual(datasetView(base, 'seizures'), { text: '10,000 events · 408 errors, 1,131 warnings, 1 info', detail: 'Dataset seizures — problems of every file', busy: false });
  assert.deepEqual(datasetView({ ...base, errors: 0, warnings: 0, infos: 0, events: 1 }, 'seizures').text, '1 event · no problems');
  assert.deepEqual(datasetView({ ...base, state: 'indexing', indexed: 3500, total: 10000 }, 'seizures'), { text: 'Indexing 3,500/10,000 files', detail: 'Dataset seizures — problems of every file', busy: true });
  assert.deepEqual(datasetView({ ...base, state: 'checking', checked: 4000 }, 'seizures'), { text: '10,000 events · checking 4,000/10,003 files', detail: 'Dataset seizures — problems of every file', busy: true });
  assert.equal(datasetView({ ...base, workspaceProblems: false }, 'seizures').detail, 'Dataset seizures — problems of the open files');
  assert.equal(problemsText({ errors: 1, warnings: 0, infos: 2 }), '1 error, 2 infos');
});

test('the dataset of a file is the deepest root holding it; none outside every root', () => {
  const outer = { ...base, root: '/data' };
  const inner = { ...base, root: '/data/seizures' };
  assert.equal(datasetOf('/data/seizures/events/2026/x.yaml', [outer, inner]), inner);
  assert.equal(datasetOf('/data/other.yaml', [outer, inner]), outer);
  assert.equal(datasetOf('/data-old/x.yaml', [outer, inner]), undefined);
  assert.equal(datasetOf('C:\\data\\x.yaml', [{ ...base, root: 'C:\\data' }], '\\')?.root, 'C:\\data');
});

test('the server item: restart when running or stopped (an error then), enable when disabled', () => {
  assert.deepEqual(serverView('running').command, { title: 'Restart', command: 'haulcheck.restartServer' });
  assert.equal(serverView('stopped').error, true);
  assert.deepEqual(serverView('disabled'), { text: 'Disabled in this workspace', detail: 'Haulcheck', command: { title: 'Enable', command: 'haulcheck.enableWorkspace' }, error: false });
});

test('every command the items and the walkthrough link to is contributed', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const contributed = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
  const linked = new Set<string>(['haulcheck.showOutput', ...(['running', 'stopped', 'disabled'] as const).map((s) => serverView(s).command.command)]);
  for (const w of pkg.contributes.walkthroughs) {
    for (const step of w.steps) {
      for (const m of (step.description as string).matchAll(/\(command:(haulcheck\.[\w.]+)\)/g)) linked.add(m[1]);
      assert.ok(readFileSync(join(__dirname, '..', '..', step.media.markdown), 'utf8').length > 100, step.media.markdown);
    }
  }
  for (const c of linked) assert.ok(contributed.has(c), `${c} is linked to but not contributed`);
  const ignore = readFileSync(join(__dirname, '..', '..', '.vscodeignore'), 'utf8');
  assert.match(ignore, /^!media\/walkthrough\/\*\.md$/m, 'the walkthrough pages are packaged');
});
