#!/usr/bin/env node
// The floor of an edit in a long file in any server that keeps the text as
// vscode-languageserver-textdocument does: the document store's own update of the whole text and
// its line offsets, and the garbage it leaves (one copy of the text an edit). No parse, no check.
//
//   node --max-old-space-size=200 scripts/bench/textdocument-floor.mjs FILE [--edits 100]
//   → {"p50": ms, "p95": ms, …}
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';

const file = process.argv[2];
const i = process.argv.indexOf('--edits');
const n = i > 0 ? Number(process.argv[i + 1]) : 100;
const text = readFileSync(file, 'utf8');
const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, text);
const lines = text.split('\n');
const line = lines.findIndex((l) => l.startsWith('title:'));
const ch = lines[line].length;
const times = [];
for (let k = 0; k < n; k++) {
  const insert = k % 2 === 0;
  const range = insert ? { start: { line, character: ch }, end: { line, character: ch } } : { start: { line, character: ch }, end: { line, character: ch + 1 } };
  const t = performance.now();
  TextDocument.update(doc, [{ range, text: insert ? 'x' : '' }], k + 2);
  // What any reader of the new version does first: look at it (the store's text is flattened).
  doc.getText().charCodeAt(doc.getText().length >> 1);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const at = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
process.stdout.write(JSON.stringify({ edits: n, p50: at(50), p95: at(95), max: times[times.length - 1] }) + '\n');
