/**
 * reviewdog's diagnostic format (rdjson, `reviewdog -f=rdjson`): lines 1-based, columns 1-based in
 * UTF-8 BYTES, as reviewdog counts them; ranges end exclusively. The first fix of a finding is
 * offered as suggestions (one per edit), which reviewdog can post as suggested changes.
 */
import { type Finding, type LineIndex, type Position, ruleDocsUrl } from '../../core';
import { repoPath } from '../keys';
import { type FileResult, type FormatContext, type Formatter, streamJson } from '../types';

const SEVERITY: Record<Finding['severity'], string> = { error: 'ERROR', warning: 'WARNING', info: 'INFO', hint: 'INFO' };

function pos(lines: LineIndex, p: Position) {
  return { line: p.line + 1, column: lines.utf8Character(p) + 1 };
}

function* diagnostics(results: FileResult[], ctx: FormatContext) {
  for (const r of results)
    for (const f of r.findings) {
      // A file rename is no text suggestion (and a fix after it is only a second choice).
      const fix = f.fixes?.[0]?.renameTo === undefined ? f.fixes?.[0] : undefined;
      yield {
        message: f.message,
        location: {
          path: repoPath(ctx.root, r.path),
          range: { start: pos(r.lines, f.range.start), end: pos(r.lines, f.range.end) },
        },
        severity: SEVERITY[f.severity],
        source: { name: 'haulcheck', url: 'https://github.com/haulcheck/haulcheck' },
        code: { value: f.ruleId, url: ruleDocsUrl(f.ruleId) },
        ...(fix
          ? {
              suggestions: fix.edits.map((e) => ({
                range: { start: pos(r.lines, r.lines.position(e.start)), end: pos(r.lines, r.lines.position(e.end)) },
                text: e.newText,
              })),
            }
          : {}),
      };
    }
}

/** Written as it goes, one diagnostic at a time. */
export const formatRdjson: Formatter = (results, ctx, write) => {
  streamJson(write, { source: { name: 'haulcheck', url: 'https://github.com/haulcheck/haulcheck' }, diagnostics: [] }, 'diagnostics', diagnostics(results, ctx));
};
