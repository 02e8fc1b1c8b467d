/** What the WU008 tests share. */

/**
 * `fixed` is `truth` with every character either restored or still exactly as damaged: no fix
 * wrote anything that was not there. (The damage is per character: UTF-8 bytes are per character.)
 */
export function neverWrong(fixed: string, truth: string, damage: (text: string) => string): boolean {
  let reach = new Set([0]);
  let previous = "";
  for (const c of Array.from(truth)) {
    // A doubled U+FE0F may be gone, a keycap may have gained its U+FE0F: a fix tidies them (the
    // same as a second fix would).
    const tidied =
      c === "\uFE0F" && previous === "\uFE0F"
        ? [""]
        : c === "\u20E3" && /^[0-9#*]$/.test(previous)
          ? ["\uFE0F\u20E3"]
          : [];
    const forms = [...new Set([c, damage(c), ...tidied])];
    previous = c;
    const next = new Set<number>();
    for (const at of reach) for (const f of forms) if (fixed.startsWith(f, at)) next.add(at + f.length);
    reach = next;
    if (reach.size === 0) return false;
  }
  return reach.has(fixed.length);
}

/**
 * `fixed` is `truth`, but for spans left in place (0-based `start`/`end` offsets in `fixed`)
 * whose candidates include what stood there.
 */
export function restoresExactly(
  fixed: string,
  truth: string,
  left: readonly { start: number; end: number; candidates: readonly string[] }[],
): boolean {
  const pieces: string[] = [];
  let from = 0;
  for (const span of left) {
    pieces.push(fixed.slice(from, span.start));
    from = span.end;
  }
  pieces.push(fixed.slice(from));
  const match = (k: number, at: number): boolean => {
    if (!truth.startsWith(pieces[k]!, at)) return false;
    const next = at + pieces[k]!.length;
    if (k === left.length) return next === truth.length;
    return left[k]!.candidates.some((c) => truth.startsWith(c, next) && match(k + 1, next + c.length));
  };
  return match(0, 0);
}
