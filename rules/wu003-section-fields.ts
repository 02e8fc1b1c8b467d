/**
 * WU003 wrapup-section-fields: every project section carries the profile's required fields,
 * each non-empty, none twice, in order; labels that are a slip for a field are named. What the
 * house leaves out is no defect: a usual field (Next Steps, a reference) may be missing, a field
 * no section of the page carries is the page's template, and a section written as prose with
 * none of the fields is a narrative.
 */
import { code, codes, firstLine } from "../src/core/message.js";
import type { Finding, WrapupRule } from "../src/core/rule.js";
import {
  fieldsOf,
  hasTemplateFields,
  projectSections,
  placeholderOf,
  proseWords,
  titleOf,
  type Classified,
} from "../src/wrapup/sections.js";
import type { FieldSpec } from "../src/profile/types.js";
import type { Field } from "../src/model/types.js";

export interface SectionFieldsOptions {
  /** Required fields must come in the profile's order. */
  order: boolean;
  /** Also report bold labels that name no known field and are no slip for one. */
  unknown: boolean;
}

/** A finding on a field's label text, showing the label as written (`**Next steps:**`). */
const onField = (field: Field, message: string): Finding => ({
  span: field.labelTextSpan,
  context: field.labelSpan.text,
  message,
});

export const sectionFields: WrapupRule<SectionFieldsOptions> = {
  code: "WU003",
  name: "wrapup-section-fields",
  description: "Project section has its fields",
  doc: "wu003-section-fields",
  fixable: false,
  scope: "projects",
  schema: {
    properties: {
      order: { type: "boolean", description: "required fields come in the profile's order" },
      unknown: {
        type: "boolean",
        description: "also report bold labels that name no known field and are no slip for one",
      },
    },
  },
  defaults: { order: true, unknown: false },
  check(model, options, profile) {
    const findings: Finding[] = [];
    const sections = projectSections(model, profile);
    const templated = sections.filter((s) => hasTemplateFields(s, profile));
    const required = profile.fields.list.filter((spec) => spec.level === "required");
    // How the page writes each field (the spelling of its first use), for messages.
    const written = new Map<FieldSpec, string>();
    for (const s of templated) {
      for (const c of fieldsOf(s, profile)) {
        if (c.spec && c.match !== "near" && !c.spec.alternatives.includes(c.canonical!) && !written.has(c.spec))
          written.set(c.spec, c.field.label);
      }
    }
    const named = (spec: FieldSpec): string => written.get(spec) ?? spec.label;
    // A required field some pages leave out is required where the page's template has it: in a
    // page whose other sections carry it (the 2026 Gardener pages dropped Motivation & Benefits).
    const carried = (spec: FieldSpec): boolean =>
      templated.some((s) => fieldsOf(s, profile).some((c) => c.spec === spec));
    const expected = required.filter((spec) => !spec.perPage || carried(spec));
    const exempt = profile.fields.referenceExemptTitle;

    for (const section of sections) {
      const onHeading = (message: string): Finding => ({ span: section.heading.content, message });
      const fields = fieldsOf(section, profile);
      if (!hasTemplateFields(section, profile)) {
        // Prose with none of the fields is a narrative (a project told as a story); an empty or
        // nearly empty section is a draft: one finding, not one per field.
        if (proseWords(model, section) < profile.sections.narrativeWords) {
          findings.push(
            onHeading(
              `Missing fields in ${code(titleOf(section))}, expected ${codes(expected.map(named))} (the section has none of the template's fields)`,
            ),
          );
        }
        continue;
      }
      const seen = new Map<FieldSpec, Classified>();
      for (const c of fields) {
        const { field } = c;
        if (c.match === "none") {
          if (options.unknown && field.style === "bold") {
            findings.push(
              onField(
                field,
                `Unexpected unknown field ${code(field.label)}, expected one of ${codes(profile.fields.list.map((s) => s.label))}`,
              ),
            );
          }
          continue;
        }
        if (c.match === "near")
          findings.push(
            onField(field, `Unexpected unknown field ${code(field.label)}, did you mean ${code(c.canonical!)}?`),
          );
        const spec = c.spec!;
        const first = seen.get(spec);
        if (first) {
          findings.push(
            onField(
              field,
              `Unexpected second ${code(named(spec))} field, expected it once (first on line ${first.field.line})`,
            ),
          );
          continue;
        }
        seen.set(spec, c);
        const placeholder = placeholderOf(field.value);
        if (field.value.trim() === "")
          findings.push(onField(field, `Unexpected empty ${code(field.label)} field, expected a value`));
        else if (placeholder)
          findings.push(
            onField(
              field,
              `Unexpected placeholder ${code(firstLine(placeholder))} as the ${code(field.label)} field, expected a value`,
            ),
          );
      }
      // Missing fields are reported on the section's heading line.
      for (const spec of expected) {
        if (!seen.has(spec))
          findings.push(onHeading(`Missing ${code(named(spec))} field in ${code(titleOf(section))}`));
      }
      if (
        profile.fields.references === "required" &&
        !(exempt?.test(titleOf(section)) ?? false) &&
        ![...seen.keys()].some((spec) => spec.reference)
      ) {
        const references = profile.fields.list.filter((s) => s.reference).map((s) => s.label);
        findings.push(
          onHeading(`Missing a reference field in ${code(titleOf(section))}, expected one of ${codes(references)}`),
        );
      }
      if (options.order) {
        // A required field that comes after one the profile puts behind it is out of order.
        const present = fields.filter((c) => c.spec?.level === "required" && seen.get(c.spec) === c);
        const index = (c: Classified): number => profile.fields.list.indexOf(c.spec!);
        let furthest: Classified | null = null;
        for (const c of present) {
          if (furthest && index(c) < index(furthest)) {
            findings.push(
              onField(
                c.field,
                `Unexpected ${code(c.field.label)} after ${code(furthest.field.label)}, expected it before`,
              ),
            );
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
