/**
 * A long multi-document file in the editor: opened, its first documents' diagnostics come first,
 * then all of them; edited by ranges (the server parses only what each change touched), its
 * diagnostics are those the command line gives for the same text, after every edit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../server/src/cli/check';
import { LspClient, type Position, offsetAt } from '../helpers/lsp-client';
// @ts-expect-error plain .mjs script without type declarations
import { writeDataset } from '../../scripts/bench/generate.mjs';

/** The diagnostics of a file as the command line finds them, in the server's terms. */
async function cliDiagnostics(root: string, file: string): Promise<string[]> {
  const [r] = await runCheck({ paths: [file], cwd: root });
  return r.findings.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.ruleId} ${f.message}`).sort();
}

function shown(d: { range: { start: Position; end: Position }; code?: unknown; message: string }[]): string[] {
  return d.map((x) => `${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character} ${x.code} ${x.message}`).sort();
}

test('a long stream: first documents shown first, then all; range edits give the command line\'s findings', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'haulcheck-stream-'));
  const mirror = mkdtempSync(join(tmpdir(), 'haulcheck-stream-cli-'));
  const client = new LspClient();
  try {
    writeDataset(dir, { events: 700, seed: 11, singleFile: true });
    cpSync(dir, mirror, { recursive: true });
    const file = join(dir, 'events', 'events.yaml');
    let text = readFileSync(file, 'utf8');
    assert.ok(text.length > 1 << 20, `${text.length} characters: a long stream`);
    await client.initialize(dir);
    const uri = client.open(file, text);
    const all = await client.until(() => client.published.filter((p) => p.uri === uri).length >= 2 && client.diagnostics.get(uri), 120_000, 'all diagnostics');
    const [first] = client.published.filter((p) => p.uri === uri);
    // The first publish covers the first documents only (the first 64 KB or so).
    const firstLines = 64 * 1024 / 20;
    assert.ok(first.diagnostics.every((d) => d.range.start.line < firstLines * 2), 'the first publish is about the first documents');
    const mirrorFile = join(mirror, 'events', 'events.yaml');
    assert.deepEqual(shown(all.diagnostics), await cliDiagnostics(mirror, mirrorFile));

    // Edits by range: in the first document, in the middle, a new document marker, a removal.
    const pos = (needle: string, from = 0): Position => {
      const at = text.indexOf(needle, from);
      assert.ok(at >= 0, needle);
      const before = text.slice(0, at).split('\n');
      return { line: before.length - 1, character: before[before.length - 1].length };
    };
    const edits: { start: Position; end?: Position; insert: string }[] = [
      { start: pos('title: "'), insert: 'x' },
      { start: pos('status: ', text.length / 2), insert: 'drafted ' },
      { start: pos('\nid: ', text.length / 3), insert: '\n---\nid: orphan-event' },
      { start: pos('seizures:', (2 * text.length) / 3), end: pos('sources:', (2 * text.length) / 3), insert: '' },
    ];
    for (const e of edits) {
      const end = e.end ?? e.start;
      const v = client.changeRange(uri, e.start, end, e.insert);
      text = text.slice(0, offsetAt(text, e.start)) + e.insert + text.slice(offsetAt(text, end));
      const d = await client.diagnosticsFor(uri, v, 120_000);
      writeFileSync(mirrorFile, text);
      assert.deepEqual(shown(d.diagnostics), await cliDiagnostics(mirror, mirrorFile), JSON.stringify(e));
    }
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(mirror, { recursive: true, force: true });
  }
});
