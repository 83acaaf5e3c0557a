import { defineRule } from '../rule';

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
      conflict: 'This looks like a merge-conflict marker ("{marker}"); resolve the conflict and keep one version.',
      aliases: 'Too many alias expansions: the file would expand beyond a safe size ({detail}).',
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
    for (const p of problems) {
      const detail = p.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
      if (p.code === 'MISSING_CHAR' && /quote/.test(p.message)) {
        // The parser notices at the end of the input; the mistake is where the quote opened.
        const open = unclosedQuote(ctx.file.text, p.start);
        if (open !== undefined) {
          const lineEnd = lines.lineContentEnd(lines.position(open).line);
          ctx.report({ messageId: 'syntax', data: { detail, hint: ' The quote opened here is never closed.', code: p.code }, pointer: '', start: open, end: lineEnd });
          continue;
        }
      }
      if (p.code === 'TO_JS' && /alias/i.test(p.message)) {
        ctx.report({ messageId: 'aliases', data: { detail }, pointer: '', start: p.start, end: p.end });
      } else {
        const s = Math.min(p.start, ctx.file.text.length);
        const e = Math.max(s, Math.min(p.end, ctx.file.text.length));
        ctx.report({
          messageId: p.severity === 'warning' ? 'warning' : 'syntax',
          data: { detail, hint: HINTS[p.code] ?? '', code: p.code },
          pointer: '',
          start: s,
          end: e === s ? Math.min(ctx.file.text.length, ctx.file.lines.lineContentEnd(ctx.file.lines.position(s).line)) : e,
        });
      }
    }
  },
});

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
