/**
 * Text from the data — key names, values, file names, file contents — printed as it is could drive
 * the terminal: ESC starts a CSI or OSC sequence (clear the screen, move the cursor, set the title,
 * make a hyperlink), C1 characters do the same in one byte, CR and BS overwrite what was printed.
 * Every human output escapes them: each becomes `\x1b`, `\x9b`, `\x7f`… and stays readable.
 */

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_AND_NEWLINES = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;

const escape = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * C0 controls (but tab and line feed), DEL and C1 controls written as `\xNN`. `oneLine` escapes line
 * feeds too (for a text that must stay on its line: a message, a file name).
 */
export function escapeControls(s: string, oneLine = false): string {
  const re = oneLine ? CONTROLS_AND_NEWLINES : CONTROLS;
  re.lastIndex = 0;
  return re.test(s) ? s.replace(re, escape) : s;
}
