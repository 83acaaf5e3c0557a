/**
 * Terminal-safe output: control characters (C0, DEL, C1, and so every ESC / CSI / OSC sequence)
 * that come from the data — key names, values, file names, file contents — are printed escaped
 * (`\x1b`) in every human format: stylish messages, code frames, file names, notes and errors on
 * stderr, and a --dry-run diff shown on a terminal. Only the command's own colours are raw.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../server/src/cli/main';
import { VALID_EVENT, haulcheck, tempDataset, withStale } from '../helpers/hostile';

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** The command's own colours: SGR sequences only (ESC [ digits m). */
// eslint-disable-next-line no-control-regex
const OWN_COLOURS = /\u001B\[[0-9;]*m/g;

const OSC_LINK = '\u001B]8;;https://attacker.invalid/\u0007click\u001B]8;;\u0007';
const CLEAR = '\u001B[2J\u001B[H';
/** A window-title OSC: it fits in a file name (no slash). */
const OSC_TITLE = '\u001B]0;owned\u0007';

let ds: ReturnType<typeof tempDataset>;
before(() => {
  ds = tempDataset();
  // A key whose name holds an OSC 8 hyperlink and a screen clear (YAML escapes in a quoted key).
  const hostileKey = `"\\e]8;;https://attacker.invalid/\\aclick\\e]8;;\\a\\e[2J\\e[H": 1\n`;
  writeFileSync(ds.event, VALID_EVENT + hostileKey);
  // A raw ESC and a C1 CSI (U+009B) in a value: the YAML reader refuses them, the code frame shows the line.
  writeFileSync(join(ds.dir, 'events', '2026', '2026-02-23-sy-homs-captagon.yaml'), VALID_EVENT.replace('id: 2026-02-22-sy-homs-captagon', `id: 2026-02-23-sy-homs-captagon\nnote: "x${CLEAR}\u009B31m"`));
  // A file name with an escape sequence in it.
  mkdirSync(join(ds.dir, 'events', '2025'));
  writeFileSync(join(ds.dir, 'events', '2025', `bad${CLEAR}name.yaml`), VALID_EVENT.replace('status: draft', 'status: reviewd'));
  // A link out of the dataset, named with an OSC sequence: the note about it goes to stderr.
  symlinkSync('/etc/hostname', join(ds.dir, 'events', '2025', `link${OSC_TITLE}.yaml`));
});
after(() => ds.cleanup());

test('stylish: no raw control character from the data reaches the terminal; the text stays readable', () => {
  for (const color of ['--no-color', '--color']) {
    const r = haulcheck(['check', '.', color], { cwd: ds.dir });
    assert.equal(r.code, 1, r.stderr);
    const out = r.stdout.replace(OWN_COLOURS, '');
    assert.doesNotMatch(out, RAW_CONTROL, `${color}: raw control characters in stdout`);
    assert.doesNotMatch(r.stderr, RAW_CONTROL, `${color}: raw control characters in stderr`);
    // Escaped, readable: the message, the code frame, the file name and the note.
    assert.match(out, /\\x1b\]8;;https:\/\/attacker\.invalid\/\\x07click\\x1b\]8;;\\x07\\x1b\[2J\\x1b\[H/);
    assert.match(out, /> +\d+ \| note: "x\\x1b\[2J\\x1b\[H\\x9b31m"/);
    assert.match(out, /events\/2025\/bad\\x1b\[2J\\x1b\[Hname\.yaml/);
    assert.match(r.stderr, /note: events\/2025\/link\\x1b\]0;owned\\x07\.yaml is not checked/);
  }
});

test('the code frame still points at the right characters after escaping', () => {
  const r = haulcheck(['check', 'events/2026/2026-02-23-sy-homs-captagon.yaml', '--no-color'], { cwd: ds.dir });
  const lines = r.stdout.split('\n');
  const i = lines.findIndex((l) => /> +\d+ \| note:/.test(l));
  assert.ok(i >= 0, r.stdout);
  const code = lines[i];
  const marker = lines[i + 1];
  // The finding (a character YAML does not allow) is on the ESC: the caret is under its escape.
  const caret = marker.indexOf('^');
  assert.equal(code.slice(caret, caret + 4), '\\x1b', `${code}\n${marker}`);
});

test('a --dry-run diff shown on a terminal is escaped (piped, it stays a patch)', async () => {
  const file = join(ds.dir, 'events', '2026', '2026-02-24-sy-homs-captagon.yaml');
  // Raw control characters in the first document (which then does not parse whole); the second
  // parses whole and has a stale suppression for --fix to remove, three lines below them.
  const second = withStale(VALID_EVENT.replace(/^#.*\n/, '').replace('id: 2026-02-22-sy-homs-captagon', 'id: 2026-02-24-sy-homs-captagon'));
  writeFileSync(file, `note: "x"\n# ${OSC_LINK}\n---\n${second}`);
  const run = async (isTTY: boolean) => {
    let stdout = '';
    let stderr = '';
    await main(['check', file, '--fix', '--dry-run', '--no-color'], { cwd: ds.dir, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY, env: {} });
    return { stdout, stderr };
  };
  const tty = await run(true);
  assert.match(tty.stdout, /^-# haulcheck-disable-next-line/m, tty.stdout);
  assert.doesNotMatch(tty.stdout, RAW_CONTROL);
  assert.match(tty.stdout, /# \\x1b\]8;;https/);
  const piped = await run(false);
  assert.ok(piped.stdout.includes(OSC_LINK), 'a piped diff must stay applicable as a patch');
});
