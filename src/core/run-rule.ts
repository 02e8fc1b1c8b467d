/**
 * What both adapters do for every rule and document: resolve the rule's options, find the
 * document's profile, run the rule if the document is in its scope, and locate its findings.
 */
import { isWrapup } from "../wrapup/detect.js";
import { usesTemplate } from "../wrapup/sections.js";
import { memo } from "./memo.js";
import type { WrapupModel } from "../model/types.js";
import { resolveOptions } from "./options.js";
import { profileFor } from "../profile/load.js";
import type { Profile } from "../profile/types.js";
import { located, type AnyRule, type Located, type Scope } from "./rule.js";

/** The document's profile and whether it is a wrap-up: once per document, for every rule. */
export const documentOf = memo((model: WrapupModel): { profile: Profile; wrapup: boolean } => {
  const profile = profileFor(model.path);
  return { profile, wrapup: isWrapup(model, profile) };
});

/** Whether a wrap-up's project sections follow the field template (a stub has none): once per document. */
const followsTemplate = memo((model: WrapupModel): boolean => {
  const { profile, wrapup } = documentOf(model);
  return wrapup && usesTemplate(model, profile);
});

function inScope(scope: Scope | undefined, model: WrapupModel): boolean {
  if (scope === "wrapups") return documentOf(model).wrapup;
  if (scope === "projects") return followsTemplate(model);
  return true;
}

const NONE: Located[] = [];

/** The rule's findings on the document, located and in document order. */
export function runRule(rule: AnyRule, model: WrapupModel, given: unknown): Located[] | Promise<Located[]> {
  const options = resolveOptions(rule, given);
  if (!inScope(rule.scope, model)) return NONE;
  const found = rule.check(model, options, documentOf(model).profile);
  return found instanceof Promise ? found.then(located) : located(found);
}
