/**
 * How every rule words a finding: "Unexpected `x`, expected `y`". Written text is quoted as
 * inline code (that survives backticks in it), lists read "a, b or c", long text is clipped.
 */

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  if (!text.includes("`")) return `\`${text}\``;
  return /^`|`$/.test(text) ? `\`\` ${text} \`\`` : `\`\`${text}\`\``;
}

/** `a, b and c` (`or`), or `a, b, c` without a conjunction. */
export function join(items: readonly string[], conjunction?: "and" | "or"): string {
  if (!conjunction || items.length <= 1) return items.join(", ");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/** `a, b or c`. */
export function either(items: readonly string[]): string {
  return join(items, "or");
}

/** Each item as inline code, joined; past `max` items, "N more". */
export function codes(items: readonly string[], conjunction?: "and" | "or", max = Infinity): string {
  const quoted = items.slice(0, max).map(code);
  if (items.length > max) quoted.push(`${items.length - max} more`);
  return join(quoted, conjunction);
}

/** `a name` or `an name`. */
export function article(name: string): string {
  return /^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`;
}

export function firstLine(text: string): string {
  const i = text.indexOf("\n");
  return i === -1 ? text : text.slice(0, i);
}

/** At most `max` characters, control characters shown as their symbols (U+2400…). */
export function clip(text: string, max = 40): string {
  const chars = [
    ...text.replace(/[\u0000-\u001f\u007f]/g, (c) =>
      c === "\u007f" ? "\u2421" : String.fromCharCode(0x2400 + c.charCodeAt(0)),
    ),
  ];
  return chars.length <= max ? chars.join("") : chars.slice(0, max - 1).join("") + "…";
}
