/**
 * Files named by URIs (the language server in a browser): paths below a root are found, decoded and
 * resolved as VS Code writes them, also with spaces and non-Latin names, and nothing outside the
 * root (another folder, another scheme or authority) passes for inside.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { URI } from 'vscode-uri';
import { URI_NAMES as n } from '../../server/src/lsp/uri-names';

const ROOT = 'vscode-vfs://github/owner/repo/data set';
const root = URI.parse(ROOT).toString();

test('a file below the root: its dataset path, decoded; its URI as VS Code writes it', () => {
  const file = n.resolve(root, 'events/2025/دمشق captagon.yaml');
  assert.equal(file, URI.parse(`${ROOT}/events/2025/دمشق captagon.yaml`).toString());
  assert.equal(n.relative(root, file), 'events/2025/دمشق captagon.yaml');
  assert.ok(n.inside(root, file));
  assert.equal(n.basename(file), 'دمشق captagon.yaml');
  assert.equal(n.dirname(n.dirname(file)), n.resolve(root, 'events'));
  assert.equal(n.ofUri(file), file);
  assert.equal(n.ofUri('vscode-vfs://github/owner/repo/data%20set/x.yaml'), n.resolve(root, 'x.yaml'));
  assert.equal(n.ofUri('untitled:Untitled-1'), undefined);
});

test('nothing outside the root passes for inside', () => {
  assert.ok(!n.inside(root, root));
  assert.ok(!n.inside(root, URI.parse('vscode-vfs://github/owner/repo/data setx/a.yaml').toString()));
  assert.ok(!n.inside(root, URI.parse('vscode-vfs://gitlab/owner/repo/data set/a.yaml').toString()));
  assert.ok(!n.inside(root, URI.parse('file:///owner/repo/data set/a.yaml').toString()));
  assert.equal(n.relative(root, n.resolve(root, '../other/a.yaml')), '../other/a.yaml');
  assert.equal(n.relative(root, root), '');
});
