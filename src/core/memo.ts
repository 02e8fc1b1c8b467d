/**
 * One answer per object, computed on first use and forgotten with the object: the model of a
 * document's tree, a document's profile, a section's classified fields, a rule's compiled
 * schema. Every per-document cache of the suite is one of these.
 */
export function memo<K extends object, A extends unknown[], V>(
  compute: (key: K, ...rest: A) => V,
): (key: K, ...rest: A) => V {
  const known = new WeakMap<K, V>();
  return (key, ...rest) => {
    const found = known.get(key);
    if (found !== undefined || known.has(key)) return found!;
    const value = compute(key, ...rest);
    known.set(key, value);
    return value;
  };
}
