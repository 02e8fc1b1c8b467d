/**
 * Which documents are wrap-ups, and what kind of page each is. Structure rules (WU001–WU005)
 * apply to wrap-ups only, so the other pages of a docs repository get no structure findings.
 */
import { sectionsOf } from "../model/structure.js";
import type { WrapupModel } from "../model/types.js";
import type { Profile } from "../profile/types.js";

/** Whether the profile takes the document for a wrap-up: its H1, a front matter key, or always. */
export function isWrapup(model: WrapupModel, profile: Profile): boolean {
  const { wrapups } = profile;
  if (wrapups.always) return true;
  if (wrapups.h1 && model.h1 && wrapups.h1.test(model.h1.plain)) return true;
  const key = wrapups.frontMatterKey;
  if (key !== null) {
    const fm = model.frontMatter;
    if (fm?.kind === "yaml" && fm.body.some((line) => line.startsWith(key + ":"))) return true;
  }
  return false;
}

/**
 * A page of a repository rendered by GitHub (`README.md` in an event's folder): it never has
 * front matter, and often no event details list. A website page is every other wrap-up.
 */
export function isRepositoryPage(model: WrapupModel): boolean {
  const name = (model.path ?? "").split(/[\\/]/).pop() ?? "";
  return /^readme(\.[a-z]+)?$/i.test(name);
}

/** A wrap-up with no H2 section at all ("moved to …", "TBD", a title and a picture): no structure to check. */
export function isStub(model: WrapupModel): boolean {
  return sectionsOf(model).length === 0;
}
