/**
 * A profile: a community's house conventions for its wrap-ups, stated once in a profile file
 * (`.wrapup-lint.jsonc`, written by `wrapup-lint init`) and read by every rule and entry point.
 * `ProfileFile` is what the file says (profiles/profile.schema.json); `Profile` is the same with
 * every default filled in and its patterns compiled, as the rules read it.
 */

/** required: every project section carries it; usual: most do, leaving it out is no defect; optional: known. */
export type Level = "required" | "usual" | "optional";
export type ColonStyle = "inside" | "outside" | "consistent";
export type DateFormat = "DD.MM.YYYY" | "YYYY-MM-DD" | "DD/MM/YYYY" | "MM/DD/YYYY";
export type TitleMatch = "h1" | "date" | "fileName";

export interface FieldSpecFile {
  label: string;
  aliases?: string[];
  alternatives?: string[];
  level: Level;
  perPage?: boolean;
  reference?: boolean;
  colon?: ColonStyle;
  /** What the field is for, where a rule needs to know (`next-steps`: WU009 reads it). */
  role?: FieldRole;
}

/** next-steps: the work a project leaves to do (WU009 compares it with what its links show). */
export type FieldRole = "next-steps";

export interface EventItemSpecFile {
  label: string;
  aliases?: string[];
  level: Level;
  marker?: string;
}

export interface ProfileFile {
  $schema?: string;
  name: string;
  extends?: string;
  wrapups?: { h1?: string | null; frontMatterKey?: string | null; always?: boolean };
  frontMatter?: {
    required?: boolean;
    schema?: Record<string, unknown> | string | null;
    weight?: "-YYYYMM" | "YYYYMM" | null;
    titleMatches?: TitleMatch[];
  };
  eventDetails?: {
    required?: boolean;
    items?: EventItemSpecFile[];
    date?: { label: string; format: DateFormat; separator?: string } | null;
  };
  sections?: { emoji?: "required" | "optional"; exclude?: string[]; narrativeWords?: number };
  fields?: {
    style?: "bold" | "heading";
    list?: FieldSpecFile[];
    references?: Level;
    referenceExemptTitle?: string | null;
  };
  template?: {
    path?: string;
    frontMatter?: string | null;
    h1?: string;
    eventDetails?: string[];
    sectionHeading?: string;
    fields?: string[];
  };
}

export interface FieldSpec {
  /** The spelling the house uses now (`Motivation & Benefits`). */
  label: string;
  /** Other spellings of the same label (`Motivation/Benefits`); a page uses one. */
  aliases: string[];
  /** Other labels that stand in for this field (`Outcome` for `Achievements`). */
  alternatives: string[];
  level: Level;
  /** Required only where the page's template has it (another section of the page carries it). */
  perPage: boolean;
  reference: boolean;
  colon: ColonStyle;
  /** What the field is for (`next-steps`), or null. */
  role: FieldRole | null;
}

export interface EventItemSpec {
  label: string;
  aliases: string[];
  level: Level;
  marker: string;
}

export interface Profile {
  name: string;
  /** Where it was read from: a file path, or `bundled:NAME`. */
  source: string;
  /** The folder paths in the profile are relative to (the profile file's); null for a bundled one. */
  dir: string | null;
  wrapups: { h1: RegExp | null; h1Source: string | null; frontMatterKey: string | null; always: boolean };
  frontMatter: {
    required: boolean;
    /** The JSON Schema (read from its file if the profile names one); null: no schema check. */
    schema: Record<string, unknown> | null;
    /** Where the schema came from, for messages and the compile cache. */
    schemaSource: string;
    weight: "-YYYYMM" | "YYYYMM" | null;
    titleMatches: ReadonlySet<TitleMatch>;
  };
  eventDetails: {
    required: boolean;
    items: EventItemSpec[];
    date: { label: string; format: DateFormat; separator: string } | null;
  };
  sections: { emoji: "required" | "optional"; exclude: ReadonlySet<string>; narrativeWords: number };
  fields: {
    style: "bold" | "heading";
    list: FieldSpec[];
    references: Level;
    referenceExemptTitle: RegExp | null;
  };
  template: {
    path: string | null;
    frontMatter: string | null;
    h1: string | null;
    eventDetails: string[];
    sectionHeading: string;
    fields: string[];
  };
  /** The file as written (extends resolved), for `init`'s report and equality tests. */
  file: ProfileFile;
}
