/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a substring
 * of 13 or more characters as a slice of its parent, so a short URL or label kept in a
 * process-wide cache would keep the whole document it came from alive (measured: every page of
 * a docs tree held until the process ends). Concatenating and slicing again flattens the text
 * into a new string of its own.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/**
 * A cache of answers by text that outlives documents: bounded, texts longer than `maxLength`
 * not kept, and keys stored as detached copies. `compute` gets that copy, so what it builds from
 * the text does not keep the page alive either.
 *
 * Two generations instead of a strict LRU list (a Map delete and insert on every hit was most
 * of the cost of a hit): entries go into `current`; when it holds half the bound it becomes
 * `previous` and the one before is dropped; a hit in `previous` moves the entry back. What is
 * used stays, what was not used for a generation goes. quick-lru does the same but re-inserts
 * the caller's text as the key on such a move, which would keep its page alive.
 */
export class TextCache<V> {
  private current = new Map<string, { key: string; value: V }>();
  private previous = new Map<string, { key: string; value: V }>();
  private readonly generation: number;

  constructor(
    maxEntries: number,
    private readonly maxLength: number,
  ) {
    this.generation = Math.max(1, Math.floor(maxEntries / 2));
  }

  get(text: string, compute: (own: string) => V): V {
    if (text.length > this.maxLength) return compute(detached(text));
    const hit = this.current.get(text);
    if (hit) return hit.value;
    // A hit in the older generation moves the stored entry (its own key, not `text`) back.
    let entry = this.previous.get(text);
    if (!entry) {
      const key = detached(text);
      entry = { key, value: compute(key) };
    }
    if (this.current.size >= this.generation) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(entry.key, entry);
    return entry.value;
  }

  /** Entries held (both generations; one moved back counts once). */
  get size(): number {
    let size = this.current.size;
    for (const key of this.previous.keys()) if (!this.current.has(key)) size++;
    return size;
  }
}
