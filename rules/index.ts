/** The registry: every rule of the suite, in code order. A code is never reused. */
import { frontMatter } from "./wu001-front-matter.js";
import { eventDetails } from "./wu002-event-details.js";
import { sectionFields } from "./wu003-section-fields.js";
import { fieldLabel } from "./wu004-field-label.js";
import { sectionHeading } from "./wu005-section-heading.js";
import { githubLinkForm } from "./wu006-github-link-form.js";
import { githubLinkResolves } from "./wu007-github-link-resolves.js";
import { emojiEncoding } from "./wu008-emoji-encoding.js";
import { nextSteps } from "./wu009-next-steps.js";
import type { AnyRule } from "../src/core/rule.js";

export const RULES: AnyRule[] = [
  frontMatter,
  eventDetails,
  sectionFields,
  fieldLabel,
  sectionHeading,
  githubLinkForm,
  githubLinkResolves,
  emojiEncoding,
  nextSteps,
];

/**
 * Each rule's defaults are what every document gets when nothing is configured, one object
 * shared by all of them: frozen, so that no rule can change them for the next document.
 */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}
for (const rule of RULES) deepFreeze(rule.defaults);
