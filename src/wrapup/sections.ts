/**
 * What the structure rules share: which H2 sections are project sections, what each field
 * label is under the profile (a field, written as the house writes it, in other casing or
 * wording, as a near miss, or not at all), and which sections follow the template.
 */
import { sectionsOf } from "../model/structure.js";
import { memo } from "../core/memo.js";
import { leadingEmoji } from "./emoji.js";
import type { Field, Section, WrapupModel } from "../model/types.js";
import { fold } from "../profile/load.js";
import { trimEndChars } from "../core/trim.js";
import type { FieldSpec, Profile } from "../profile/types.js";

export interface Classified {
  field: Field;
  /** The field the label names (exactly, in other casing or wording, or as a near miss); null if none. */
  spec: FieldSpec | null;
  /** The house spelling closest to what was written (the label, an alias or an alternative). */
  canonical: string | null;
  /**
   * How the label matched: exactly; `case`: in other casing or spacing; `wording`: the same
   * words joined otherwise (`Motivation and Benefits` for `Motivation & Benefits`); `near`: a
   * slip of the keyboard; `none`.
   */
  match: "exact" | "case" | "wording" | "near" | "none";
  /** An H3 that names no field and is no near miss: a sub-heading inside a field's value. */
  subheading: boolean;
}

/** The words of a label, however they are joined: `Code/Pull Requests` and `Code & Pull Requests` are `code pull requests`. */
export const wordsOf = (label: string): string =>
  label
    .toLowerCase()
    .replace(/&|\+|\/|,|\band\b/g, " ")
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .replace(/\s+/g, " ")
    .trim();

/** The title of a section without its leading emoji; once per section (every structure rule asks). */
export const titleOf = memo((section: Section): string => withoutLeadingEmoji(section.heading.plain));

/** A section's title folded for comparison with the profile's titles and labels (and other sections' titles). */
export const foldedTitleOf = memo((section: Section): string => fold(titleOf(section)));

/** A heading's text without its leading emoji (`🚀 Project Title` → `Project Title`), trimmed. */
export function withoutLeadingEmoji(text: string): string {
  const plain = text.trim();
  const emoji = leadingEmoji(plain);
  return (emoji ? plain.slice(emoji.length) : plain).trim();
}

/**
 * The H2 sections that are project sections: all but those the profile excludes, and those
 * titled as a field (`## Next Steps`: a field written one level too high, see `fieldAsSection`).
 * Once per model (a document has one profile).
 */
export const projectSections = memo((model: WrapupModel, profile: Profile): readonly Section[] => {
  const exclude = profile.sections.exclude;
  const labels = fieldLabelsOf(profile);
  return sectionsOf(model).filter((s) => {
    const title = foldedTitleOf(s);
    return !exclude.has(title) && !labels.has(title);
  });
});

/** Per profile: each field's label, aliases and alternatives, folded, to the field and that spelling. */
const fieldLabelsOf = memo(
  (profile: Profile): ReadonlyMap<string, FieldTitle> =>
    new Map(
      profile.fields.list.flatMap((spec) =>
        [spec.label, ...spec.aliases, ...spec.alternatives].map(
          (spelling) => [fold(spelling), { spec, spelling }] as const,
        ),
      ),
    ),
);

export interface FieldTitle {
  spec: FieldSpec;
  /** The house spelling the title is (`Outcome`, an alternative of `Achievements`). */
  spelling: string;
}

/**
 * The field an H2 section's title names (`## Next Steps` after a project: the project's field,
 * one heading level too high); null for any other H2, and for the page's own sections the
 * profile excludes from projects even where a field has their name (`## Conclusion`).
 */
export function fieldAsSection(section: Section, profile: Profile): FieldTitle | null {
  const title = foldedTitleOf(section);
  // A title the profile names as a page's own section (`## Conclusion`) is one, field or not.
  return profile.sections.exclude.has(title) ? null : (fieldLabelsOf(profile).get(title) ?? null);
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), up to `limit + 1`. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i]![0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/** Whether two folded labels are close enough to be a slip of the keyboard. */
export function isNearMiss(written: string, known: string): boolean {
  const limit = Math.min(2, Math.floor(Math.max(written.length, known.length) * 0.3));
  return limit > 0 && editDistance(written, known, limit) <= limit;
}

interface Spelling {
  spec: FieldSpec;
  spelling: string;
  folded: string;
  words: string;
}

type Meaning = Omit<Classified, "field">;

/** Per profile: every house spelling. */
const spellingsOf = memo((profile: Profile): Spelling[] => {
  const spellings: Spelling[] = [];
  for (const spec of profile.fields.list) {
    for (const spelling of [spec.label, ...spec.aliases, ...spec.alternatives])
      spellings.push({ spec, spelling, folded: fold(spelling), words: wordsOf(spelling) });
  }
  return spellings;
});

/** What a label means under the profile. */
export function classifyLabel(label: string, heading: boolean, profile: Profile): Meaning {
  return meaningOf(label, heading, spellingsOf(profile));
}

function meaningOf(label: string, heading: boolean, spellings: Spelling[]): Meaning {
  const exact = spellings.find((s) => s.spelling === label);
  if (exact) return { spec: exact.spec, canonical: exact.spelling, match: "exact", subheading: false };
  const folded = fold(label);
  const byCase = spellings.find((s) => s.folded === folded);
  if (byCase) return { spec: byCase.spec, canonical: byCase.spelling, match: "case", subheading: false };
  const words = wordsOf(label);
  const byWords = words === "" ? undefined : spellings.find((s) => s.words === words);
  if (byWords) return { spec: byWords.spec, canonical: byWords.spelling, match: "wording", subheading: false };
  let best: Spelling | null = null;
  let bestDistance = Infinity;
  for (const s of spellings) {
    if (!isNearMiss(folded, s.folded)) continue;
    const d = editDistance(folded, s.folded);
    if (d < bestDistance) {
      best = s;
      bestDistance = d;
    }
  }
  if (best) return { spec: best.spec, canonical: best.spelling, match: "near", subheading: false };
  return { spec: null, canonical: null, match: "none", subheading: heading };
}

/** The fields of a section (sub-headings dropped), classified; once per section (a document has one profile). */
export const fieldsOf = memo((section: Section, profile: Profile): readonly Classified[] =>
  section.fields
    .map((field) => ({ field, ...classifyLabel(field.label, field.style === "heading", profile) }))
    .filter((c) => !c.subheading),
);

/** Whether a classified field is one of the template's (required or usual), or a slip for one. */
const isTemplateField = (c: Classified): boolean =>
  c.spec !== null && (c.spec.level !== "optional" || c.match === "near");

/** Whether a section carries any of the template's fields. */
export function hasTemplateFields(section: Section, profile: Profile): boolean {
  return fieldsOf(section, profile).some(isTemplateField);
}

/**
 * Whether the document follows the field template at all: some project section carries one of
 * its fields. Free-form wrap-ups (the 2021 and 2022 Gardener pages) get no structure findings.
 */
export function usesTemplate(model: WrapupModel, profile: Profile): boolean {
  return projectSections(model, profile).some((s) => hasTemplateFields(s, profile));
}

/** Words of prose in a section below its heading (a narrative section has many, an empty one none). */
export function proseWords(model: WrapupModel, section: Section): number {
  let words = 0;
  for (let line = section.heading.endLine + 1; line <= section.endLine; line++) {
    const text = model.lines[line - 1] ?? "";
    words += text.match(/\p{L}[\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  }
  return words;
}

/**
 * What a template or a draft puts where a value is still to be written (`TBD`, `TODO`, `...`,
 * `<add the pull requests>`, `<venue>`: HTML shows neither, `Lorem ipsum …`), when it is the
 * whole value: the stand-in as written, else null. An autolink (`<https://…>`) is a value. `None.` and `n/a` are an author's answer (a published Gardener page says
 * `**Next Steps:** None.`), and a note with content (`TODO: ask the SIG`) is a value.
 */
export function placeholderOf(value: string): string | null {
  const written = value.trim();
  // Emphasis around it (`_TBD_`) and a closing full stop or colon (`TODO:`) do not change it.
  const inner = trimEndChars(written.replace(/^[*_~`]+/, ""), "*_~`").trim();
  if (/^lorem ipsum\b/i.test(inner)) return written;
  if (inner.length > 40) return null;
  const word = /^(?:\.+|…)$/.test(inner) ? inner : trimEndChars(inner, ".:!");
  return PLACEHOLDER.test(word) ? written : null;
}

const PLACEHOLDER = /^(?:tb[acd]|to ?do|fixme|x{3,}|\?+|\.{3,}|…|<[^<>:/@="']+>)$/i;
