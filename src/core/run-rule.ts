/**
 * What both adapters do for every rule and document: resolve the rule's options, find the
 * document's profile, and run the rule if the document is in its scope.
 */
import { isWrapup } from "../wrapup/detect.js";
import { memo } from "./memo.js";
import type { WrapupModel } from "../model/types.js";
import { resolveOptions } from "./options.js";
import { profileFor } from "../profile/load.js";
import type { Profile } from "../profile/types.js";
import type { AnyRule, Finding } from "./rule.js";

/** The document's profile and whether it is a wrap-up: once per document, for every rule. */
export const documentOf = memo((model: WrapupModel): { profile: Profile; wrapup: boolean } => {
  const profile = profileFor(model.path);
  return { profile, wrapup: isWrapup(model, profile) };
});

const NONE: Finding[] = [];

export function runRule(rule: AnyRule, model: WrapupModel, given: unknown): Finding[] | Promise<Finding[]> {
  const options = resolveOptions(rule, given);
  const { profile, wrapup } = documentOf(model);
  if (rule.scope === "wrapups" && !wrapup) return NONE;
  return rule.check(model, options, profile);
}
