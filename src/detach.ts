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
