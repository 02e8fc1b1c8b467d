/**
 * What the structure rules share: which H2 sections are project sections, and what each field
 * label is under the profile (required, reference, optional, a near miss, or a sub-heading).
 */
import { TextCache } from "./detach.js";
import { leadingEmoji } from "./emoji.js";
import type { Field, Section, WrapupModel } from "./model/types.js";
import type { FieldSpec, Profile } from "./profile.js";

export type FieldKind = "required" | "reference" | "optional";

export interface Classified {
  field: Field;
  /** The spec the label names (exactly, in other casing, or as a near miss); null if none. */
  spec: FieldSpec | null;
  kind: FieldKind | null;
  /** The spelling the profile gives for what was written (label or alias), if known. */
  canonical: string | null;
  /** How the label matched: exactly, in other casing or spacing, or as a near miss. */
  match: "exact" | "case" | "near" | "none";
  /** An H3 that names no field and is no near miss: a sub-heading inside a field's value. */
  subheading: boolean;
}

const fold = (label: string): string => label.replace(/\s+/g, " ").trim().toLowerCase();

const titles = new WeakMap<Section, string>();

/** The title of a section without its leading emoji. */
export function titleOf(section: Section): string {
  let title = titles.get(section);
  if (title === undefined) {
    const plain = section.heading.plain.trim();
    const emoji = leadingEmoji(plain);
    title = (emoji ? plain.slice(emoji.length) : plain).trim();
    titles.set(section, title);
  }
  return title;
}

const excludedOf = new WeakMap<Profile, Set<string>>();
const projectCache = new WeakMap<Profile, WeakMap<WrapupModel, readonly Section[]>>();

/** The H2 sections that are project sections: all but those the profile excludes (once per model and profile; every structure rule asks). */
export function projectSections(model: WrapupModel, profile: Profile): readonly Section[] {
  let perModel = projectCache.get(profile);
  if (!perModel) projectCache.set(profile, (perModel = new WeakMap()));
  let sections = perModel.get(model);
  if (!sections) {
    let excluded = excludedOf.get(profile);
    if (!excluded) excludedOf.set(profile, (excluded = new Set(profile.excludeSections.map(fold))));
    const skip = excluded;
    sections = model.sections.filter((s) => skip.size === 0 || !skip.has(fold(titleOf(s))));
    perModel.set(model, sections);
  }
  return sections;
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
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

interface Known {
  spec: FieldSpec;
  kind: FieldKind;
  spelling: string;
  folded: string;
}

const knownCache = new WeakMap<Profile, Known[]>();

function knownOf(profile: Profile): Known[] {
  let known = knownCache.get(profile);
  if (!known) {
    known = [];
    const add = (specs: FieldSpec[], kind: FieldKind): void => {
      for (const spec of specs) {
        for (const spelling of [spec.label, ...(spec.aliases ?? [])]) known!.push({ spec, kind, spelling, folded: fold(spelling) });
      }
    };
    add(profile.required, "required");
    add(profile.references, "reference");
    add(profile.optional, "optional");
    knownCache.set(profile, known);
  }
  return known;
}

/** Whether two labels are close enough to be a slip of the keyboard. */
function isNearMiss(written: string, known: string): boolean {
  const limit = Math.min(2, Math.floor(Math.max(written.length, known.length) * 0.3));
  return limit > 0 && editDistance(written, known, limit) <= limit;
}

/** What a label means under a profile depends on the label and its style alone: labels repeat in every section and every lint. */
const byLabel = new WeakMap<Profile, TextCache<Omit<Classified, "field">>>();

/** What a field's label is under the profile. */
export function classify(field: Field, profile: Profile): Classified {
  let labels = byLabel.get(profile);
  if (!labels) byLabel.set(profile, (labels = new TextCache(4096, 200)));
  const meaning = labels.get(`${field.style}:${field.label}`, () => classifyLabel(field.label, field.style === "heading", profile));
  return { field, ...meaning };
}

function classifyLabel(label: string, heading: boolean, profile: Profile): Omit<Classified, "field"> {
  const known = knownOf(profile);
  const exact = known.find((k) => k.spelling === label);
  if (exact) return { spec: exact.spec, kind: exact.kind, canonical: exact.spelling, match: "exact", subheading: false };
  const folded = fold(label);
  const caseOnly = known.find((k) => k.folded === folded);
  if (caseOnly) return { spec: caseOnly.spec, kind: caseOnly.kind, canonical: caseOnly.spelling, match: "case", subheading: false };
  const near = known.filter((k) => isNearMiss(folded, k.folded));
  if (near.length > 0) {
    const best = near.sort((a, b) => editDistance(folded, a.folded) - editDistance(folded, b.folded))[0]!;
    return { spec: best.spec, kind: best.kind, canonical: best.spelling, match: "near", subheading: false };
  }
  return { spec: null, kind: null, canonical: null, match: "none", subheading: heading };
}

const sectionFields = new WeakMap<Profile, WeakMap<Section, { all: Classified[]; fields: Classified[] }>>();

function classifiedOf(section: Section, profile: Profile): { all: Classified[]; fields: Classified[] } {
  let perSection = sectionFields.get(profile);
  if (!perSection) sectionFields.set(profile, (perSection = new WeakMap()));
  let classified = perSection.get(section);
  if (!classified) {
    const all = section.fields.map((f) => classify(f, profile));
    classified = { all, fields: all.filter((c) => !c.subheading) };
    perSection.set(section, classified);
  }
  return classified;
}

/** The fields of a section that are fields (sub-headings dropped), classified; once per section and profile (every structure rule asks). */
export function fieldsOf(section: Section, profile: Profile): readonly Classified[] {
  return classifiedOf(section, profile).fields;
}

/**
 * Whether the document follows the field template at all: some project section carries a
 * known field. Free-form wrap-ups (the 2021 and 2022 pages) get no structure findings.
 */
export function usesTemplate(model: WrapupModel, profile: Profile): boolean {
  return projectSections(model, profile).some((s) => classifiedOf(s, profile).all.some((c) => c.match !== "none"));
}
