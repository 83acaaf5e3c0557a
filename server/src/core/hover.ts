/** Hovers: what a key or value means, from the schema's descriptions. */
import { isScalar } from 'yaml';
import type { ParsedFile } from './parse';
import { nodeRange, pathAt } from './parse';
import { BUILTIN_SCHEMAS, type JsonSchema, schemasAt } from './schemas';
import type { FileKind } from './types';

export interface HoverResult {
  /** Markdown text. */
  markdown: string;
  start: number;
  end: number;
}

function docAt(file: ParsedFile, offset: number) {
  return file.docs.find((d) => offset >= d.start && offset <= d.end) ?? file.docs[file.docs.length - 1];
}

function describe(schemas: JsonSchema[]): { description?: string; enumValues?: unknown[]; title?: string } {
  let description: string | undefined;
  let enumValues: unknown[] | undefined;
  let title: string | undefined;
  for (const s of schemas) {
    if (!description && typeof s.description === 'string') description = s.description;
    if (!title && typeof s.title === 'string') title = s.title;
    if (!enumValues && Array.isArray(s.enum)) enumValues = s.enum;
  }
  return { description, enumValues, title };
}

export function schemaHover(file: ParsedFile, kind: FileKind, offset: number): HoverResult | undefined {
  const doc = docAt(file, offset);
  if (!doc) return undefined;
  const at = pathAt(doc.doc, offset);
  if (!at || at.segments.length === 0) return undefined;
  const schemas = schemasAt(BUILTIN_SCHEMAS[kind], at.segments);
  const { description, enumValues } = describe(schemas);
  if (!description) return undefined;
  const name = String(at.segments[at.segments.length - 1]);
  const range = at.onKey ? nodeRange(at.key) : nodeRange(at.node) ?? nodeRange(at.key);
  if (!range) return undefined;
  const parts = [`**${/^\d+$/.test(name) ? String(at.segments[at.segments.length - 2] ?? name) : name}**`, '', description];
  if (enumValues && enumValues.length <= 20) {
    const current = !at.onKey && isScalar(at.node) ? at.node.value : undefined;
    parts.push('', 'Allowed: ' + enumValues.map((v) => (v === current ? `**\`${String(v)}\`**` : `\`${String(v)}\``)).join(', '));
  }
  return { markdown: parts.join('\n'), start: range[0], end: range[1] };
}
