/** What the WU008 tests share. */

/**
 * `fixed` is `truth` with every character either restored or still exactly as damaged: no fix
 * wrote anything that was not there. (The damage is per character: UTF-8 bytes are per character.)
 */
export function neverWrong(fixed: string, truth: string, damage: (text: string) => string): boolean {
  let reach = new Set([0]);
  for (const c of Array.from(truth)) {
    const forms = [...new Set([c, damage(c)])];
    const next = new Set<number>();
    for (const at of reach) for (const f of forms) if (fixed.startsWith(f, at)) next.add(at + f.length);
    reach = next;
    if (reach.size === 0) return false;
  }
  return reach.has(fixed.length);
}
