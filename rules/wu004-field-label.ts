/**
 * WU004 wrapup-field-label: a field label's form. A page writes each label one way: one
 * spelling (`Next steps` → `Next Steps`; not `Motivation/Benefits` here and `Motivation &
 * Benefits` there) and, for bold labels, one colon placement (`**Code:**` or `**Code**:`, as the
 * profile says for that label, or as the page mostly does). Headings carry no colon. Fixed.
 */
import type { Field } from "../src/model/types.js";
import type { FieldSpec } from "../src/profile/types.js";
import { replace, type Finding, type WrapupRule } from "../src/core/rule.js";
import { code } from "../src/core/message.js";
import { fieldAsSection, fieldsOf, projectSections, type Classified } from "../src/wrapup/sections.js";
import { sectionsOf } from "../src/model/structure.js";
import { withoutTrailingColon } from "../src/core/trim.js";

export interface FieldLabelOptions {
  /** Fix the spelling and casing of known labels. */
  spelling: boolean;
}

type Placement = "inside" | "outside";

/** The value most of `items` have (the first one's on a tie), with the first item that has it. */
function majority<T, V>(items: T[], valueOf: (item: T) => V): { value: V; first: T } | null {
  const counts = new Map<V, { count: number; first: T }>();
  for (const item of items) {
    const v = valueOf(item);
    const known = counts.get(v);
    if (known) known.count++;
    else counts.set(v, { count: 1, first: item });
  }
  let best: { value: V; first: T; count: number } | null = null;
  for (const [value, { count, first }] of counts) if (!best || count > best.count) best = { value, first, count };
  return best && { value: best.value, first: best.first };
}

export const fieldLabel: WrapupRule<FieldLabelOptions> = {
  code: "WU004",
  name: "wrapup-field-label",
  description: "Field label uses the house spelling and colon placement",
  doc: "wu004-field-label",
  fixable: true,
  scope: "projects",
  schema: { properties: { spelling: { type: "boolean", description: "fix the spelling and casing of known labels" } } },
  defaults: { spelling: true },
  check(model, options, profile) {
    const classified = projectSections(model, profile)
      .flatMap((s) => fieldsOf(s, profile))
      .filter((c) => c.spec !== null && c.match !== "near");
    const bySpec = new Map<FieldSpec, Classified[]>();
    for (const c of classified) {
      const uses = bySpec.get(c.spec!);
      if (uses) uses.push(c);
      else bySpec.set(c.spec!, [c]);
    }

    // The spelling the page uses for each field: its most used house spelling (label or alias).
    const spellingOf = new Map<FieldSpec, { value: string; first: Classified }>();
    // Where the page places the colon of each bold label, unless the profile fixes it.
    const placementOf = new Map<FieldSpec, { value: Placement; first: Classified | null }>();
    for (const [spec, uses] of bySpec) {
      const own = uses.filter(
        (c) => c.match === "exact" && c.canonical !== null && !spec.alternatives.includes(c.canonical),
      );
      const spelled = majority(own, (c) => c.canonical!);
      if (spelled) spellingOf.set(spec, spelled);
      if (spec.colon !== "consistent") placementOf.set(spec, { value: spec.colon, first: null });
      else {
        const placed = majority(
          uses.filter((c) => c.field.style === "bold" && c.field.colon !== "none"),
          (c) => c.field.colon as Placement,
        );
        if (placed) placementOf.set(spec, placed);
      }
    }
    // A bold label with no colon at all takes the placement the page uses most.
    const pagePlacement = majority(
      classified.filter((c) => c.field.style === "bold" && c.field.colon !== "none"),
      (c) => c.field.colon as Placement,
    );

    const findings: Finding[] = [];
    for (const c of classified) {
      const { field } = c;
      const spec = c.spec!;
      const problems: string[] = [];
      let label = field.label;
      if (options.spelling) {
        const alternative = c.canonical !== null && spec.alternatives.includes(c.canonical);
        const page = spellingOf.get(spec);
        if (c.match === "case" || c.match === "wording") {
          label = alternative || !page ? c.canonical! : page.value;
          problems.push(`spelling ${code(label)}`);
        } else if (!alternative && page && field.label !== page.value) {
          label = page.value;
          problems.push(`spelling ${code(label)} as on line ${page.first.field.line}`);
        }
      }
      if (field.style === "bold") {
        const marker = field.labelSpan.text.slice(0, 2);
        const placed = placementOf.get(spec);
        const colon: Placement =
          placed?.value ?? pagePlacement?.value ?? (field.colon === "none" ? "inside" : field.colon);
        if (field.colon === "none") problems.push("a colon after the label");
        else if (field.colon !== colon) {
          const asOn = placed?.first
            ? `, as on line ${placed.first.field.line}`
            : placed
              ? `, the house style for ${code(spec.label)}`
              : "";
          problems.push(`colon ${colon} the bold text${asOn}`);
        }
        if (problems.length === 0) continue;
        const expected = colon === "inside" ? `${marker}${label}:${marker}` : `${marker}${label}${marker}:`;
        findings.push(
          labelFinding(field, `label ${code(field.labelSpan.text)}`, expected, problems, boldSource(field, marker)),
        );
      } else {
        if (field.colon !== "none") problems.push("no colon in a heading");
        if (problems.length === 0) continue;
        findings.push(
          labelFinding(
            field,
            `heading ${code(field.labelSpan.text)}`,
            label,
            problems,
            withoutTrailingColon(field.labelSpan.text) === field.label,
          ),
        );
      }
    }
    // A field written as an H2 after a project (`## Next Steps`): it ends the project instead.
    const projects = new Set(projectSections(model, profile));
    // As the page writes its fields (the profile's style on a page that has none yet).
    const style = majority(classified, (c) => c.field.style)?.value ?? profile.fields.style;
    let afterProject = false;
    for (const section of sectionsOf(model)) {
      const field = fieldAsSection(section, profile);
      if (!field) {
        afterProject ||= projects.has(section);
        continue;
      }
      if (!afterProject) continue;
      const written = section.heading.content;
      const expected =
        style === "heading"
          ? `### ${field.spelling}`
          : field.spec.colon === "outside"
            ? `**${field.spelling}**:`
            : `**${field.spelling}:**`;
      findings.push({
        span: written,
        message: `Unexpected section ${code(written.text)}, a field of the project above, expected ${code(expected)}`,
      });
    }
    return findings;
  },
};

/** Whether a bold label's source is exactly marker, text and colon (nothing else to keep). */
function boldSource(field: Field, marker: string): boolean {
  const plain =
    field.colon === "inside"
      ? `${marker}${field.label}:${marker}`
      : field.colon === "outside"
        ? `${marker}${field.label}${marker}:`
        : `${marker}${field.label}${marker}`;
  return field.labelSpan.text === plain;
}

function labelFinding(field: Field, what: string, expected: string, problems: string[], fixable: boolean): Finding {
  const span = field.labelSpan;
  return {
    span,
    message: `Unexpected ${what}, expected ${code(expected)} (${problems.join(", ")})`,
    ...(fixable ? { fix: replace(span, expected) } : {}),
  };
}

export default fieldLabel;
