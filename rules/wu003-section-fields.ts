/**
 * WU003 wrapup-section-fields: every project section has the profile's fields, each non-empty,
 * none twice, none unknown, required ones in order, and at least one reference field.
 */
import { DETECT_DEFAULTS, DETECT_SCHEMA, isWrapup, validateDetect, type DetectOptions } from "../src/detect.js";
import { PROFILE_SCHEMA, profileOf, validateProfile, type FieldSpec, type ProfileOptions } from "../src/profile.js";
import type { Finding, WrapupRule } from "../src/rule.js";
import { fieldsOf, projectSections, titleOf, usesTemplate, type Classified } from "../src/sections.js";

export interface SectionFieldsOptions extends DetectOptions, ProfileOptions {
  /** Required fields must come in the profile's order. */
  order: boolean;
  /** Report bold labels that name no known field. */
  unknown: boolean;
  /** A required field missing from every project section is reported once, not per section. */
  unusedOnce: boolean;
}

const quote = (label: string): string => `\`${label}\``;
const list = (specs: FieldSpec[]): string => specs.map((s) => quote(s.label)).join(", ");

export const sectionFields: WrapupRule<SectionFieldsOptions> = {
  code: "WU003",
  name: "wrapup-section-fields",
  description: "Project section has its fields",
  doc: "wu003-section-fields",
  fixable: false,
  schema: {
    properties: {
      ...DETECT_SCHEMA,
      ...PROFILE_SCHEMA,
      order: { type: "boolean" },
      unknown: { type: "boolean" },
      unusedOnce: { type: "boolean" },
    },
  },
  defaults: { ...DETECT_DEFAULTS, profile: "gardener", order: true, unknown: true, unusedOnce: true },
  validate: (options) => validateDetect(options) ?? validateProfile(options),
  check(model, options) {
    const profile = profileOf(options);
    if (!isWrapup(model, options) || !usesTemplate(model, profile)) return [];
    const exempt = new RegExp(profile.referenceExemptTitle, "u");
    const findings: Finding[] = [];
    const sections = projectSections(model, profile);
    // A required field that no project section carries was left out of this document's
    // template on purpose: say so once, on the first project heading, not in every section.
    const unused = new Set(
      sections.length > 1 && options.unusedOnce
        ? profile.required.filter((spec) => !sections.some((s) => fieldsOf(s, profile).some((c) => c.spec === spec)))
        : [],
    );
    for (const spec of unused) {
      const heading = sections[0]!.heading;
      findings.push({
        line: heading.line,
        column: heading.content.start.column,
        length: heading.content.text.length,
        message: `Missing ${quote(spec.label)} field in all ${sections.length} project sections, expected it in each (or drop it from the profile's \`required\` list)`,
        context: heading.content.text,
      });
    }
    for (const section of sections) {
      const heading = section.heading;
      const fields = fieldsOf(section, profile);
      const seen = new Map<FieldSpec, Classified>();
      for (const c of fields) {
        const { field } = c;
        if (c.match === "none" || c.match === "near") {
          if (options.unknown) {
            findings.push({
              line: field.line,
              column: field.labelTextSpan.start.column,
              length: field.labelTextSpan.text.length,
              message:
                c.match === "near"
                  ? `Unexpected unknown field ${quote(field.label)}, did you mean ${quote(c.canonical!)}?`
                  : `Unexpected unknown field ${quote(field.label)}, expected one of ${list([...profile.required, ...profile.references, ...profile.optional])}`,
              context: field.labelSpan.text,
            });
          }
          if (c.match === "none") continue;
        }
        const spec = c.spec!;
        const first = seen.get(spec);
        if (first) {
          findings.push({
            line: field.line,
            column: field.labelTextSpan.start.column,
            length: field.labelTextSpan.text.length,
            message: `Unexpected second ${quote(spec.label)} field, expected it once (first on line ${first.field.line})`,
            context: field.labelSpan.text,
          });
          continue;
        }
        seen.set(spec, c);
        if (field.value.trim() === "") {
          findings.push({
            line: field.line,
            column: field.labelTextSpan.start.column,
            length: field.labelTextSpan.text.length,
            message: `Unexpected empty ${quote(spec.label)} field, expected a value`,
            context: field.labelSpan.text,
          });
        }
      }
      // Missing fields are reported on the section's heading line.
      for (const spec of profile.required) {
        if (!seen.has(spec) && !unused.has(spec)) {
          findings.push({
            line: heading.line,
            column: heading.content.start.column,
            length: heading.content.text.length,
            message: `Missing ${quote(spec.label)} field in ${quote(titleOf(section))}`,
            context: heading.content.text,
          });
        }
      }
      const references = profile.references.filter((spec) => seen.has(spec)).length;
      if (references < profile.minReferences && !exempt.test(titleOf(section))) {
        findings.push({
          line: heading.line,
          column: heading.content.start.column,
          length: heading.content.text.length,
          message: `Missing a reference field in ${quote(titleOf(section))}, expected one of ${list(profile.references)}`,
          context: heading.content.text,
        });
      }
      if (options.order) {
        // A required field that comes after one the profile puts behind it is out of order.
        const present = fields.filter((c) => c.kind === "required" && c.match !== "none" && seen.get(c.spec!) === c);
        let furthest: Classified | null = null;
        const index = (c: Classified): number => profile.required.indexOf(c.spec!);
        for (const c of present) {
          if (furthest && index(c) < index(furthest)) {
            findings.push({
              line: c.field.line,
              column: c.field.labelTextSpan.start.column,
              length: c.field.labelTextSpan.text.length,
              message: `Unexpected ${quote(c.spec!.label)} after ${quote(furthest.spec!.label)}, expected it before`,
              context: c.field.labelSpan.text,
            });
          } else {
            furthest = c;
          }
        }
      }
    }
    return findings;
  },
};

export default sectionFields;
