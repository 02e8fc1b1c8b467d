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
 * A cache of answers by text that outlives documents: bounded (least recently used out first),
 * texts longer than `maxLength` not kept, and keys stored as detached copies. `compute` gets
 * that copy, so what it builds from the text does not keep the page alive either.
 */
export class TextCache<V> {
  /** By text; each entry keeps its own key, so that a hit re-inserts the copy, not the caller's text. */
  private readonly entries = new Map<string, { key: string; value: V }>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxLength: number,
  ) {}

  get(text: string, compute: (own: string) => V): V {
    if (text.length > this.maxLength) return compute(detached(text));
    const hit = this.entries.get(text);
    if (hit) {
      // Most recently used last.
      this.entries.delete(hit.key);
      this.entries.set(hit.key, hit);
      return hit.value;
    }
    const key = detached(text);
    const entry = { key, value: compute(key) };
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry.value;
  }
}
