/**
 * The `# yaml-language-server: $schema=…` line of files written before Haulcheck stopped writing
 * one: inside a dataset it is not needed (haulcheck.yaml's globs say what a file is), it makes Red
 * Hat's YAML extension check the file a second time, and it may hold a path of the machine it was
 * written on. A refactor deletes it (docs/editor.md).
 */
import type { Fix } from '../base/types';
import type { ParsedFile } from '../yaml/parse';

const MODELINE = /^#\s*yaml-language-server:\s*\$schema=\S*(event|drugs|agencies|config)\.schema\.json\b.*$/;

/** Deleting the modeline line under `offset`, if the line is one naming a Haulcheck schema. */
export function modelineRemoval(file: ParsedFile, offset: number): Fix | undefined {
  const { line } = file.lines.position(offset);
  const start = file.lines.lineStarts[line];
  const end = line + 1 < file.lines.lineCount ? file.lines.lineStarts[line + 1] : file.text.length;
  const text = file.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  if (!MODELINE.test(text)) return undefined;
  return {
    title: 'Remove the $schema modeline (haulcheck.yaml says what this file is)',
    safety: 'safe',
    edits: [{ start, end, newText: '' }],
  };
}
