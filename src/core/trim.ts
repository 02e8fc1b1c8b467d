/**
 * Linear-time stand-ins for end-anchored patterns such as `/\s*:\s*$/` or `/[.,;:]+$/`. V8 tries
 * such a pattern from every position of a long run that does not reach the end of the string
 * (100k spaces and then a letter), which is quadratic: seconds on one long line.
 */

const isSpace = (c: string): boolean => c.trim() === ""; // `\s`, as String.prototype.trim knows it

/** `text` without the run of `chars` at its end (`text.replace(/[chars]+$/, "")`). */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** The run of `chars` at the end of `text`, "" when none (`/[chars]+$/.exec(text)?.[0] ?? ""`). */
export function trailingRun(text: string, chars: string): string {
  return text.slice(trimEndChars(text, chars).length);
}

/** `text.replace(/\s*:\s*$/, "")`: a colon at the end (spaces around it allowed) removed. */
export function withoutTrailingColon(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1]!)) end--;
  if (end === 0 || text[end - 1] !== ":") return text;
  end--;
  while (end > 0 && isSpace(text[end - 1]!)) end--;
  return text.slice(0, end);
}
