/**
 * What each change of an open document left alone, so that the parse of the next version looks only
 * at what changed (parseFile's `unchanged`): the change ranges the editor sends, composed from the
 * version last parsed to the current one, as the unchanged prefix and suffix of the text.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

interface Since {
  /** The version the counts are relative to (the one last parsed). */
  version: number;
  /** Its length. */
  length: number;
  /** Characters at the start and at the end unchanged since then. */
  prefix: number;
  suffix: number;
}

export class EditTracker {
  private readonly since = new Map<string, Since>();

  /** The document store's configuration (for `new TextDocuments(…)`): TextDocument's own, with each change noted. */
  readonly config = {
    create: (uri: string, languageId: string, version: number, content: string): TextDocument => {
      this.since.delete(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
      const s = this.since.get(doc.uri);
      for (const change of changes) {
        if (s && 'range' in change) {
          // Offsets in the text as it is before this change (changes apply one after the other).
          const a = doc.offsetAt(change.range.start);
          const b = doc.offsetAt(change.range.end);
          const [start, end] = a <= b ? [a, b] : [b, a];
          s.prefix = Math.min(s.prefix, start);
          s.suffix = Math.min(s.suffix, doc.getText().length - end);
        } else this.since.delete(doc.uri); // the whole text replaced: nothing is known unchanged
        TextDocument.update(doc, [change], version);
      }
      return doc;
    },
  };

  /**
   * What the text of `doc` kept of the version `parsed` (the one its last parse read), and from now
   * on, what it keeps of this one. Undefined when it is not known (first parse, a whole-text change).
   */
  unchangedSince(doc: TextDocument, parsed: number | undefined): { prefix: number; suffix: number } | undefined {
    const s = this.since.get(doc.uri);
    const length = doc.getText().length;
    this.since.set(doc.uri, { version: doc.version, length, prefix: Infinity, suffix: Infinity });
    if (!s || parsed === undefined || s.version !== parsed) return undefined;
    const prefix = Math.min(s.prefix, length, s.length);
    const suffix = Math.min(s.suffix, length - prefix, s.length - prefix);
    return { prefix, suffix };
  }
}

/** Streams longer than this are shown a part at a time when opened (see leadingPart). */
export const FIRST_PART_ABOVE = 1 << 20;

/**
 * Where the first part of a long stream ends: at the first document marker line (`---`) after
 * `size` characters, or undefined for a short text or one without such a line. Its documents are
 * those an editor shows first on opening the file.
 */
export function leadingPart(text: string, size = 64 * 1024): number | undefined {
  if (text.length <= FIRST_PART_ABOVE) return undefined;
  for (let i = text.indexOf('\n---', size); i >= 0 && i < text.length / 2; i = text.indexOf('\n---', i + 2)) {
    const c = text.charCodeAt(i + 4);
    if (i + 4 >= text.length || c === 32 || c === 9 || c === 10 || c === 13) return i + 1;
  }
  return undefined;
}
