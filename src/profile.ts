/**
 * The field profile: which labels a project section carries. The default is the Gardener
 * convention, read off the real wrap-ups (2023-05 to 2026-05): bold labels until 2025-07, H3
 * headings since 2025-11.
 */

export interface FieldSpec {
  /** Canonical spelling (`Next Steps`). */
  label: string;
  /** Other accepted spellings (`Motivation & Benefits` for `Motivation/Benefits`). */
  aliases?: string[];
}

export interface Profile {
  /** Fields every project section has, in this order. */
  required: FieldSpec[];
  /** Reference fields; a section needs at least `minReferences` of them. */
  references: FieldSpec[];
  minReferences: number;
  /** Sections whose title matches need no reference field. */
  referenceExemptTitle: string;
  /** Other known fields, allowed anywhere. */
  optional: FieldSpec[];
  /** H2 titles that are not project sections (matched whole, case-insensitive, emoji ignored). */
  excludeSections: string[];
}

export const GARDENER_PROFILE: Profile = {
  required: [
    { label: "Problem Statement" },
    { label: "Motivation/Benefits", aliases: ["Motivation & Benefits", "Motivation and Benefits", "Motivation / Benefits"] },
    { label: "Achievements", aliases: ["Outcome"] },
    { label: "Next Steps" },
  ],
  references: [
    { label: "Code" },
    { label: "Code/Pull Requests" },
    { label: "Code & Pull Requests" },
    { label: "Issue" },
    { label: "Repo" },
    { label: "Tracking" },
  ],
  minReferences: 1,
  referenceExemptTitle: "^Discussion:",
  optional: [{ label: "GEP Document" }, { label: "Conclusion" }],
  excludeSections: ["Preparation", "Conclusion", "Introduction", "Summary", "Agenda", "Participants", "Acknowledgements"],
};

export const PROFILES: Record<string, Profile> = { gardener: GARDENER_PROFILE };

const fieldSpecSchema = {
  type: "object",
  properties: {
    label: { type: "string", minLength: 1 },
    aliases: { type: "array", items: { type: "string", minLength: 1 } },
  },
  required: ["label"],
  additionalProperties: false,
} as const;

/** Options that pick or override a profile; shared by the structure rules. */
export const PROFILE_SCHEMA = {
  profile: { enum: Object.keys(PROFILES) },
  required: { type: "array", items: fieldSpecSchema },
  references: { type: "array", items: fieldSpecSchema },
  minReferences: { type: "integer", minimum: 0 },
  referenceExemptTitle: { type: "string" },
  optional: { type: "array", items: fieldSpecSchema },
  excludeSections: { type: "array", items: { type: "string" } },
} as const;

export interface ProfileOptions extends Partial<Profile> {
  profile: string;
}

const resolved = new WeakMap<object, Profile>();

/** The named profile with any list the options give in its place. */
export function profileOf(options: ProfileOptions): Profile {
  let profile = resolved.get(options);
  if (!profile) {
    const base = PROFILES[options.profile] ?? GARDENER_PROFILE;
    profile = {
      required: options.required ?? base.required,
      references: options.references ?? base.references,
      minReferences: options.minReferences ?? base.minReferences,
      referenceExemptTitle: options.referenceExemptTitle ?? base.referenceExemptTitle,
      optional: options.optional ?? base.optional,
      excludeSections: options.excludeSections ?? base.excludeSections,
    };
    resolved.set(options, profile);
  }
  return profile;
}

export function validateProfile(options: ProfileOptions): string | null {
  try {
    new RegExp(profileOf(options).referenceExemptTitle, "u");
    return null;
  } catch (error) {
    return `option "referenceExemptTitle" is not a valid regular expression: ${(error as Error).message}`;
  }
}
