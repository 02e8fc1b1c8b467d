/** The registry: every rule of the suite, in code order. A code is never reused. */
import { sectionHeading } from "../rules/wu005-section-heading.js";
import type { WrapupRule } from "./rule.js";

export const RULES: WrapupRule<any>[] = [sectionHeading];
