import { detached } from './text';

/**
 * Small memo tables for the pure text readers (date words, numbers): the same words are read by
 * several rules of one check, and again at every re-check of an edited document.
 */

/**
 * A map that keeps about `capacity` of the most recently used entries: entries live in a young and
 * an old generation; when the young one is full it becomes the old one, and the old one is dropped.
 * An entry used again is moved to the young generation. Keys longer than `maxKeyLength` characters
 * are not kept (a pasted article is read once, not held on to). A key is kept as a copy, and its
 * value computed from that copy: a key cut from a file's text (a quote, a date's words) would keep
 * the whole text alive, and so would the parts of it a value holds (10,000 files: 15 MB).
 */
export class TextMemo<V> {
  // `undefined` is kept as NONE, so that a hit is one lookup (most words, for instance, are worth nothing).
  private young = new Map<string, V | typeof NONE>();
  private old = new Map<string, V | typeof NONE>();

  constructor(
    readonly capacity = 8192,
    readonly maxKeyLength = 2048,
  ) {}

  /** Entries kept. */
  get size(): number {
    return this.young.size + this.old.size;
  }

  /**
   * The value kept for `key`, computing and keeping it on a miss. `compute` is given the key as it
   * is kept (a copy of it): what the value keeps of its text should be cut from that.
   */
  get(key: string, compute: (key: string) => V): V {
    const hit = this.young.get(key);
    if (hit !== undefined) return (hit === NONE ? undefined : hit) as V;
    let kept = this.old.get(key);
    if (kept !== undefined) this.old.delete(key);
    else {
      if (key.length > this.maxKeyLength) return compute(key);
      key = detached(key);
      const value = compute(key);
      kept = value === undefined ? NONE : value;
    }
    this.keep(key, kept);
    return (kept === NONE ? undefined : kept) as V;
  }

  private keep(key: string, value: V | typeof NONE): void {
    if (this.young.size >= this.capacity / 2) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }
}

const NONE: unique symbol = Symbol('none');

/** Freezes an object and the objects and arrays it holds, so that a shared (memoised) result cannot be changed by one reader for the next. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    else for (const k in value) deepFreeze(value[k]);
  }
  return value;
}
