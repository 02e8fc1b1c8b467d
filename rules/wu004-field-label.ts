/**
 * WU004 wrapup-field-label: a field label's form. Bold labels place their colon consistently
 * (`**Label:**` inside or `**Label**:` outside); known labels use the profile's spelling and
 * casing (`Next steps` → `Next Steps`). Both are fixed.
 */
import { DETECT_DEFAULTS, DETECT_SCHEMA, isWrapup, validateDetect, type DetectOptions } from "../src/detect.js";
import type { Field } from "../src/model/types.js";
import { PROFILE_SCHEMA, profileOf, validateProfile, type ProfileOptions } from "../src/profile.js";
import type { Finding, WrapupRule } from "../src/rule.js";
import { fieldsOf, projectSections, usesTemplate } from "../src/sections.js";
import { withoutTrailingColon } from "../src/trim.js";

export interface FieldLabelOptions extends DetectOptions, ProfileOptions {
  /** `consistent`: the document's first bold label with a colon sets the placement. */
  colon: "consistent" | "inside" | "outside";
  /** Fix the spelling and casing of known labels. */
  spelling: boolean;
}

export const fieldLabel: WrapupRule<FieldLabelOptions> = {
  code: "WU004",
  name: "wrapup-field-label",
  description: "Field label uses the canonical spelling and colon placement",
  doc: "wu004-field-label",
  fixable: true,
  schema: {
    properties: {
      ...DETECT_SCHEMA,
      ...PROFILE_SCHEMA,
      colon: { enum: ["consistent", "inside", "outside"] },
      spelling: { type: "boolean" },
    },
  },
  defaults: { ...DETECT_DEFAULTS, profile: "gardener", colon: "consistent", spelling: true },
  validate: (options) => validateDetect(options) ?? validateProfile(options),
  check(model, options) {
    const profile = profileOf(options);
    if (!isWrapup(model, options) || !usesTemplate(model, profile)) return [];
    const sections = projectSections(model, profile);
    const classified = sections.flatMap((s) => fieldsOf(s, profile));

    let placement: "inside" | "outside" | null = options.colon === "consistent" ? null : options.colon;
    let setBy: Field | null = null;
    if (!placement) {
      const first = classified.find((c) => c.field.style === "bold" && c.field.colon !== "none");
      if (first) {
        placement = first.field.colon as "inside" | "outside";
        setBy = first.field;
      }
    }

    const findings: Finding[] = [];
    for (const c of classified) {
      const { field } = c;
      const label = options.spelling && c.match === "case" ? c.canonical! : field.label;
      const problems: string[] = [];
      if (label !== field.label) problems.push(`spelling \`${c.canonical}\``);
      let expected: string;
      if (field.style === "bold") {
        const marker = field.labelSpan.text.slice(0, 2);
        const colon = placement ?? (field.colon === "none" ? "inside" : field.colon);
        expected = colon === "inside" ? `${marker}${label}:${marker}` : `${marker}${label}${marker}:`;
        if (field.colon === "none") problems.push("a colon after the label");
        else if (field.colon !== colon) {
          problems.push(
            setBy
              ? `colon ${colon} the bold text, as on line ${setBy.line}`
              : `colon ${colon} the bold text`,
          );
        }
        if (problems.length === 0) continue;
        // Only rewrite a label whose source is exactly marker, text, colon: nothing else inside.
        const plainSource = field.colon === "inside" ? `${marker}${field.label}:${marker}` : field.colon === "outside" ? `${marker}${field.label}${marker}:` : `${marker}${field.label}${marker}`;
        const fixable = field.labelSpan.text === plainSource;
        findings.push({
          line: field.line,
          column: field.labelSpan.start.column,
          length: field.labelSpan.text.length,
          message: `Unexpected label \`${field.labelSpan.text}\`, expected \`${expected}\` (${problems.join(", ")})`,
          context: field.labelSpan.text,
          ...(fixable ? { fix: { line: field.line, column: field.labelSpan.start.column, deleteCount: field.labelSpan.text.length, insertText: expected } } : {}),
        });
      } else {
        const written = field.labelSpan.text;
        expected = label;
        if (field.colon !== "none") problems.push("no colon in a heading");
        if (problems.length === 0) continue;
        const fixable = withoutTrailingColon(written) === field.label;
        findings.push({
          line: field.line,
          column: field.labelSpan.start.column,
          length: written.length,
          message: `Unexpected heading \`${written}\`, expected \`${expected}\` (${problems.join(", ")})`,
          context: written,
          ...(fixable ? { fix: { line: field.line, column: field.labelSpan.start.column, deleteCount: written.length, insertText: expected } } : {}),
        });
      }
    }
    return findings;
  },
};

export default fieldLabel;
