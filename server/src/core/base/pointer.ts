/** JSON pointers (RFC 6901) and the dotted paths maintainers write (`seizures[0].weight`). */

export function escapeSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`Invalid JSON pointer: ${pointer}`);
  return pointer.slice(1).split('/').map(unescapeSegment);
}

export function formatPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + escapeSegment(String(s))).join('');
}

/** `/seizures/0/weight` → `seizures[0].weight`, the form used in `conflicts[].field`. */
export function pointerToPath(pointer: string): string {
  let out = '';
  for (const seg of parsePointer(pointer)) {
    if (/^(0|[1-9][0-9]*)$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) out += (out ? '.' : '') + seg;
    else out += `['${seg.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return out;
}

/** `seizures[0].weight` → `/seizures/0/weight`; returns undefined for text that is not such a path. */
export function pathToPointer(path: string): string | undefined {
  const segs: string[] = [];
  const re = /\s*(?:\.?([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\])/y;
  let i = 0;
  const p = path.trim();
  while (i < p.length) {
    re.lastIndex = i;
    const m = re.exec(p);
    if (!m || m[0].length === 0) return undefined;
    segs.push(m[1] ?? m[2]);
    i = re.lastIndex;
  }
  return formatPointer(segs);
}
