import { defineRule } from '../rule';
import type { ParsedFile } from '../../yaml/parse';

/** Problems that are limits of what is read (docs/robustness.md), not syntax errors. */
const LIMITS = new Set(['TOO_LARGE', 'TOO_DEEP', 'TOO_MANY_DOCUMENTS', 'TOO_MANY_ENTRIES', 'LINE_TOO_LONG', 'DOCUMENT_TOO_LARGE']);

const HINTS: Record<string, string> = {
  TAB_AS_INDENT: ' Indent with spaces, not tabs.',
  BAD_INDENT: ' Check that this line is indented like its siblings.',
  MISSING_CHAR: '',
  BLOCK_AS_IMPLICIT_KEY: ' A key may not span lines; is a colon or a quote missing?',
  TAG_RESOLVE_FAILED: ' Custom tags are not used in this dataset; remove the tag.',
  BAD_ALIAS: '',
  TOO_DEEP: '',
  TOO_LARGE: '',
  NOT_TEXT: '',
  CIRCULAR_ALIAS: ' Aliases may only repeat a node defined before them, not contain it.',
};

export default defineRule({
  meta: {
    id: 'yaml/syntax',
    description: 'The file is well-formed YAML: it can be read at all.',
    defaultSeverity: 'error',
    appliesTo: ['event', 'drugs', 'agencies', 'config'],
    messages: {
      syntax: 'YAML syntax error: {detail}{hint}',
      warning: 'YAML warning: {detail}{hint}',
      unclosedQuote: 'YAML syntax error: the quote ({quote}) opened here is never closed; end the text with {quote}.',
      unclosedFlow: 'YAML syntax error: the "{open}" opened here is never closed; end the {what} with "{close}" (a {what} written over several lines indents them further than its key).',
      conflict: 'This looks like a merge-conflict marker ("{marker}"); resolve the conflict and keep one version.',
      aliases: 'Too many alias expansions: the file would expand beyond a safe size ({detail}).',
      version: '{detail}',
      limit: '{detail}',
    },
  },
  check(ctx) {
    const { lines } = ctx.file;
    let problems = ctx.document.problems.filter((p) => p.code !== 'DUPLICATE_KEY'); // yaml/duplicate-key
    if (problems.length === 0) return;
    // Text that is not text (binary, not UTF-8): that one finding explains all the other errors.
    const notText = problems.find((p) => p.code === 'NOT_TEXT');
    if (notText) problems = [notText];
    // Merge-conflict markers explain every other error in the document: report each marker once.
    const markers: number[] = [];
    const first = lines.position(ctx.document.start).line;
    const last = lines.position(ctx.document.end).line;
    for (let l = first; l <= last && l < lines.lineCount; l++) {
      if (/^(<{7}|={7}|>{7})(\s|$)/.test(lines.lineText(l))) markers.push(l);
    }
    if (markers.length) {
      for (const l of markers) {
        const text = lines.lineText(l);
        const s = lines.lineStarts[l];
        ctx.report({ messageId: 'conflict', data: { marker: text.slice(0, 7) }, pointer: '', start: s, end: s + text.length });
      }
      return;
    }
    const reported = new Set<number>();
    let flowReported = false;
    for (const p of problems) {
      const detail = sentence(p.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, ''));
      if (p.code === 'MISSING_CHAR' && /quote/.test(p.message)) {
        // The parser notices at the end of the input; the mistake is where the quote opened.
        const open = unclosedQuote(ctx.file.text, p.start);
        if (open !== undefined) {
          if (reported.has(open)) continue;
          reported.add(open);
          const lineEnd = lines.lineContentEnd(lines.position(open).line);
          ctx.report({ messageId: 'unclosedQuote', data: { quote: ctx.file.text[open], code: p.code }, pointer: '', start: open, end: lineEnd });
          continue;
        }
      }
      // "Flow map … must be sufficiently indented and end with a }" is noticed on the line after the
      // mapping; the mistake is the "{" that was never closed.
      const flow = p.code === 'BAD_INDENT' ? /end with an? ([}\]])/.exec(p.message) : null;
      if (flow) {
        const open = unclosedFlow(ctx.file.text, lines, p.start, first, flow[1] === '}' ? '{' : '[');
        if (open !== undefined) {
          if (reported.has(open)) continue;
          reported.add(open);
          flowReported = true;
          const mapping = flow[1] === '}';
          ctx.report({
            messageId: 'unclosedFlow',
            data: { open: mapping ? '{' : '[', close: flow[1], what: mapping ? 'mapping' : 'list', code: p.code },
            pointer: '',
            start: open,
            end: lines.lineContentEnd(lines.position(open).line),
          });
          continue;
        }
        // The parser complains about each collection the missing bracket leaves open; one is the mistake.
        if (flowReported) continue;
      }
      if (p.code === 'TO_JS' && /alias/i.test(p.message)) {
        ctx.report({ messageId: 'aliases', data: { detail: detail.replace(/\.$/, '') }, pointer: '', start: p.start, end: p.end });
      } else if (LIMITS.has(p.code)) {
        // A limit of what is read, not a mistake of syntax: the message says which and why.
        ctx.report({ messageId: 'limit', data: { detail, code: p.code }, pointer: '', start: p.start, end: p.end });
      } else if (p.code === 'YAML_VERSION') {
        ctx.report({ messageId: 'version', data: { detail, code: p.code }, pointer: '', start: p.start, end: p.end });
      } else {
        const s = Math.min(p.start, ctx.file.text.length);
        const e = Math.max(s, Math.min(p.end, ctx.file.text.length));
        // The parser often gives two explanations of one mistake at one place: the first is enough.
        if (reported.has(s)) continue;
        reported.add(s);
        ctx.report({
          messageId: p.severity === 'warning' ? 'warning' : 'syntax',
          data: { detail, hint: hintFor(p.code, lines.lineText(lines.position(s).line)), code: p.code },
          pointer: '',
          start: s,
          end: e === s ? Math.min(ctx.file.text.length, ctx.file.lines.lineContentEnd(ctx.file.lines.position(s).line)) : e,
        });
      }
    }
  },
});

/** A hint for the parser's error code; a key on a line of its own is most often a missing colon. */
function hintFor(code: string, lineText: string): string {
  const bare = /^\s*(?:-\s+)?([^\s:#"'{[][^:#]*?)\s*$/.exec(lineText);
  if ((code === 'MULTILINE_IMPLICIT_KEY' || code === 'BLOCK_AS_IMPLICIT_KEY') && bare) return ` Is the colon after "${bare[1]}" missing?`;
  return HINTS[code] ?? '';
}

/** The parser's message as a sentence: its own words, ending with a full stop before any hint. */
function sentence(message: string): string {
  const m = message.trim().replace(/^Missing closing (["'])quote$/, 'Missing closing quote ($1)');
  return /[.!?]$/.test(m) ? m : m + '.';
}

/**
 * Offset of a "{" (or "[") left open on the line of `pos` (before it) or a line above (nearest first, back to the
 * document's first line): brackets are counted outside quoted text and comments.
 */
function unclosedFlow(text: string, lines: ParsedFile['lines'], pos: number, firstLine: number, open: '{' | '['): number | undefined {
  const errorLine = lines.position(pos).line;
  for (let l = errorLine; l >= Math.max(firstLine, errorLine - 200); l--) {
    const start = lines.lineStarts[l];
    const end = l === errorLine ? Math.min(pos, lines.lineContentEnd(l)) : lines.lineContentEnd(l);
    const stack: { c: string; at: number }[] = [];
    const unclosed: { c: string; at: number }[] = [];
    let tokenStart = true; // at a place where a flow collection or a quoted scalar may begin
    for (let i = start; i < end; i++) {
      const c = text[i];
      if (c === '#' && (i === start || /\s/.test(text[i - 1]))) break;
      if ((c === '"' || c === "'") && (tokenStart || stack.length > 0)) {
        let j = i + 1;
        while (j < end && !(text[j] === c && !(c === '"' && text[j - 1] === '\\'))) j++;
        i = j;
        tokenStart = false;
        continue;
      }
      if ((c === '{' || c === '[') && (tokenStart || stack.length > 0)) {
        stack.push({ c, at: i });
        tokenStart = true;
        continue;
      }
      if ((c === '}' || c === ']') && stack.length > 0) {
        // A "}" that meets an open "[" closes the "{" below it: the "]" is what is missing.
        const match = c === '}' ? '{' : '[';
        const k = stack.map((b) => b.c).lastIndexOf(match);
        if (k >= 0) {
          const skipped = stack.splice(k);
          skipped.shift();
          if (skipped.length) unclosed.push(...skipped);
        }
        continue;
      }
      if (c === ',' || c === '-' || c === ':') tokenStart = true;
      else if (!/\s/.test(c)) tokenStart = false;
    }
    const left = [...unclosed, ...stack];
    for (let k = left.length - 1; k >= 0; k--) if (left[k].c === open) return left[k].at;
  }
  return undefined;
}

/** Offset of the opening quote of a quoted scalar left open before `pos`, if one can be found. */
function unclosedQuote(text: string, pos: number): number | undefined {
  const re = /(?:^|[:\-,[{]\s*|^\s*)(["'])/gm;
  let found: number | undefined;
  let m: RegExpExecArray | null;
  const head = text.slice(0, pos);
  while ((m = re.exec(head))) {
    const q = m.index + m[0].length - 1;
    const quote = m[1];
    let i = q + 1;
    let closed = false;
    while (i < head.length) {
      const c = head[i];
      if (quote === '"' && c === '\\') {
        i += 2;
        continue;
      }
      if (c === quote) {
        if (quote === "'" && head[i + 1] === "'") {
          i += 2;
          continue;
        }
        closed = true;
        break;
      }
      i++;
    }
    if (!closed) {
      found = q;
      break;
    }
    re.lastIndex = i + 1;
  }
  return found;
}
