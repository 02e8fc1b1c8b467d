/**
 * Reading profiles: the bundled ones (profiles/*.json), a profile file a user wrote or `init`
 * wrote, and which profile a document gets. Every rule and entry point asks `profileFor` with
 * the document's path; the answer is the nearest `.wrapup-lint.jsonc` (or `.json`) found by
 * walking up from the document's folder to the repository root, else the bundled default
 * (`gardener`); `WRAPUP_LINT_PROFILE` (the CLI's `--profile`) names one for the whole run.
 */
import fs from "node:fs";
import path from "node:path";
import type { ParseError } from "jsonc-parser";
import { lazy } from "../core/lazy.js";
import gardener from "../../profiles/gardener.json" with { type: "json" };
import profileSchema from "../../profiles/profile.schema.json" with { type: "json" };
import { ProfileError } from "./errors.js";
import { compileSchema } from "./schema.js";
import type { EventItemSpec, FieldSpec, Profile, ProfileFile } from "./types.js";

export { ProfileError };

/** Names of the profile file, in the order they are looked for in each folder. */
export const PROFILE_FILES = [".wrapup-lint.jsonc", ".wrapup-lint.json"] as const;
export const DEFAULT_PROFILE = "gardener";
export const BUNDLED: Readonly<Record<string, ProfileFile>> = { gardener: gardener as ProfileFile };

const jsonc = lazy<typeof import("jsonc-parser")>("jsonc-parser");
const ajvModule = lazy<typeof import("ajv")>("ajv");
let validateFile: import("ajv").ValidateFunction | undefined;

/** Section titles that are not projects unless a profile says otherwise (`init` keeps them as defaults). */
export const DEFAULT_EXCLUDE = [
  "Preparation",
  "Conclusion",
  "Introduction",
  "Summary",
  "Agenda",
  "Participants",
  "Acknowledgements",
];

/** Folds a title or label for comparison: spaces collapsed, case ignored. */
export const fold = (text: string): string => text.replace(/\s+/g, " ").trim().toLowerCase();

/** Parses and checks a profile file's text; `where` names it in errors. */
export function parseProfileText(text: string, where: string): ProfileFile {
  const errors: ParseError[] = [];
  const value = jsonc().parse(text, errors, { allowTrailingComma: true, disallowComments: false }) as unknown;
  if (errors.length > 0) {
    const first = errors[0]!;
    const line = text.slice(0, first.offset).split("\n").length;
    throw new ProfileError(`${where}:${line}: not valid JSON (${jsonc().printParseErrorCode(first.error)})`);
  }
  checkProfile(value, where);
  return value as ProfileFile;
}

/** Checks a profile against profiles/profile.schema.json: one line naming the first problem. */
export function checkProfile(value: unknown, where: string): void {
  validateFile ??= new (ajvModule().Ajv)({ allErrors: false, strict: false }).compile(profileSchema);
  if (validateFile(value)) return;
  const error = validateFile.errors![0]!;
  const at = error.instancePath
    ? error.instancePath
        .slice(1)
        .replace(/\/(\d+)/g, "[$1]")
        .replace(/\//g, ".")
    : "the profile";
  let what = error.message ?? "is invalid";
  if (error.keyword === "additionalProperties")
    what = `has an unknown key "${String(error.params["additionalProperty"])}"`;
  else if (error.keyword === "enum")
    what = `must be one of ${(error.params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
  else if (error.keyword === "required") what = `needs "${String(error.params["missingProperty"])}"`;
  throw new ProfileError(`${where}: ${at} ${what}`);
}

/** `extends` resolved: the bundled profile's sections with the file's keys in their place. */
function withBase(file: ProfileFile, where: string): ProfileFile {
  if (!file.extends) return file;
  const base = BUNDLED[file.extends];
  if (!base)
    throw new ProfileError(
      `${where}: extends "${file.extends}", expected one of ${Object.keys(BUNDLED)
        .map((n) => `"${n}"`)
        .join(", ")}`,
    );
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(file)) {
    const inBase = (base as unknown as Record<string, unknown>)[key];
    merged[key] = isPlainObject(value) && isPlainObject(inBase) ? { ...inBase, ...value } : value;
  }
  delete merged["extends"];
  return merged as unknown as ProfileFile;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function regex(source: string | null | undefined, where: string, key: string, flags: string): RegExp | null {
  if (source === null || source === undefined) return null;
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new ProfileError(`${where}: ${key} is not a valid regular expression: ${(error as Error).message}`);
  }
}

/** Every default filled in, patterns compiled, a schema file read: what the rules read. */
export function resolveProfile(written: ProfileFile, source: string, dir: string | null): Profile {
  const where = source.startsWith("bundled:") ? `profile ${source.slice(8)}` : source;
  const file = withBase(written, where);
  const fm = file.frontMatter ?? {};
  let schema: Record<string, unknown> | null = null;
  let schemaSource = `${source}#frontMatter.schema`;
  if (typeof fm.schema === "string") {
    const schemaPath = path.resolve(dir ?? process.cwd(), fm.schema);
    schemaSource = schemaPath;
    try {
      schema = JSON.parse(fs.readFileSync(schemaPath, "utf8")) as Record<string, unknown>;
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      const why =
        e.code === "ENOENT"
          ? "no such file"
          : e instanceof SyntaxError
            ? `not JSON: ${e.message}`
            : (e.code ?? e.message);
      throw new ProfileError(`${where}: frontMatter.schema cannot be read from ${JSON.stringify(fm.schema)}: ${why}`);
    }
    if (!isPlainObject(schema))
      throw new ProfileError(`${where}: frontMatter.schema ${JSON.stringify(fm.schema)} is not a JSON Schema object`);
  } else if (isPlainObject(fm.schema)) {
    schema = fm.schema;
  }
  // A file's schema is compiled now, so that one ajv refuses is the file's error.
  if (schema && !source.startsWith("bundled:")) compileSchema(schema, where, true);
  const ed = file.eventDetails ?? {};
  const items: EventItemSpec[] = (ed.items ?? []).map((i) => ({
    label: i.label,
    aliases: i.aliases ?? [],
    level: i.level,
    marker: i.marker ?? "",
  }));
  const fields: FieldSpec[] = (file.fields?.list ?? []).map((f) => ({
    label: f.label,
    aliases: f.aliases ?? [],
    alternatives: f.alternatives ?? [],
    level: f.level,
    perPage: f.perPage ?? false,
    reference: f.reference ?? false,
    colon: f.colon ?? "consistent",
    role: f.role ?? null,
  }));
  const h1Source = file.wrapups?.h1 === undefined ? "\\bwrap[\\s_-]*up\\b" : file.wrapups.h1;
  return {
    name: file.name,
    source,
    dir,
    wrapups: {
      h1: regex(h1Source, where, "wrapups.h1", "iu"),
      h1Source,
      frontMatterKey: file.wrapups?.frontMatterKey ?? null,
      always: file.wrapups?.always ?? false,
    },
    frontMatter: {
      required: fm.required ?? false,
      schema,
      schemaSource,
      weight: fm.weight ?? null,
      titleMatches: new Set(fm.titleMatches ?? []),
    },
    eventDetails: {
      required: ed.required ?? false,
      items,
      date: ed.date ? { label: ed.date.label, format: ed.date.format, separator: ed.date.separator ?? " – " } : null,
    },
    sections: {
      emoji: file.sections?.emoji ?? "optional",
      exclude: new Set((file.sections?.exclude ?? DEFAULT_EXCLUDE).map(fold)),
      narrativeWords: file.sections?.narrativeWords ?? 30,
    },
    fields: {
      style: file.fields?.style ?? "bold",
      list: fields,
      references: file.fields?.references ?? "usual",
      referenceExemptTitle: regex(file.fields?.referenceExemptTitle, where, "fields.referenceExemptTitle", "u"),
    },
    template: {
      path: file.template?.path ?? null,
      frontMatter: file.template?.frontMatter ?? null,
      h1: file.template?.h1 ?? null,
      eventDetails:
        file.template?.eventDetails ??
        items.filter((i) => i.level !== "optional").map((i) => `- ${i.marker ? i.marker + " " : ""}**${i.label}:**`),
      sectionHeading: file.template?.sectionHeading ?? "🚀 Project Title",
      fields:
        file.template?.fields ??
        fields
          .filter((f) => f.level !== "optional")
          .map((f) =>
            file.fields?.style === "heading"
              ? `### ${f.label}`
              : f.colon === "outside"
                ? `**${f.label}**:`
                : `**${f.label}:**`,
          ),
    },
    file,
  };
}

/** Process-wide, as are the two caches below: a profile is a file of the run, not of a document; without them every document would read, resolve and compile its profile again. */
const bundledResolved = new Map<string, Profile>();

/** A bundled profile by name. */
export function bundledProfile(name: string): Profile {
  let profile = bundledResolved.get(name);
  if (!profile) {
    const file = BUNDLED[name];
    if (!file)
      throw new ProfileError(
        `no bundled profile "${name}", expected one of ${Object.keys(BUNDLED)
          .map((n) => `"${n}"`)
          .join(", ")}`,
      );
    profile = resolveProfile(file, `bundled:${name}`, null);
    bundledResolved.set(name, profile);
  }
  return profile;
}

interface Loaded {
  profile: Profile | ProfileError;
  mtimeMs: number;
  size: number;
  checkedAt: number;
}

const loaded = new Map<string, Loaded>();
/** How long a profile file read stands before its modification time is looked at again (an editor's edit shows after this). */
const RECHECK_MS = 1000;

/** The profile in a file, read again when the file changes; a ProfileError when it cannot be used. */
export function loadProfileFile(file: string): Profile {
  const now = Date.now();
  const known = loaded.get(file);
  if (known && now - known.checkedAt < RECHECK_MS) return unwrap(known.profile);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new ProfileError(
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) {
    known.checkedAt = now;
    return unwrap(known.profile);
  }
  let profile: Profile | ProfileError;
  try {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (error) {
      throw new ProfileError(
        `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    profile = resolveProfile(parseProfileText(text, file), file, path.dirname(file));
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    profile = error;
  }
  loaded.set(file, { profile, mtimeMs: stat.mtimeMs, size: stat.size, checkedAt: now });
  return unwrap(profile);
}

function unwrap(profile: Profile | ProfileError): Profile {
  if (profile instanceof ProfileError) throw profile;
  return profile;
}

/** Folder → the profile file that governs it (null: none up to the repository root). */
const foundIn = new Map<string, string | null>();

/** The profile file that governs a folder: the nearest one up to the repository root (a folder with `.git`). */
export function findProfileFile(dir: string): string | null {
  const known = foundIn.get(dir);
  if (known !== undefined) return known;
  let found: string | null = null;
  for (const name of PROFILE_FILES) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(candidate)) {
      found = candidate;
      break;
    }
  }
  if (found === null) {
    const parent = path.dirname(dir);
    const atRoot = parent === dir || fs.existsSync(path.join(dir, ".git"));
    found = atRoot ? null : findProfileFile(parent);
  }
  if (foundIn.size > 10_000) foundIn.clear();
  foundIn.set(dir, found);
  return found;
}

/** Forgets which folders have a profile file (a test, or `init` that just wrote one). */
export function forgetProfileFiles(): void {
  foundIn.clear();
  loaded.clear();
}

/**
 * The profile a document gets: the one `WRAPUP_LINT_PROFILE` names (a file, or a bundled
 * profile's name; the CLI's `--profile`), else the nearest profile file above the document,
 * else the bundled default.
 * `file` is the document's path as the linter names it (relative to the working directory), or
 * null when it has none (the working directory is then where the search starts).
 */
export function profileFor(file: string | null | undefined): Profile {
  const named = process.env["WRAPUP_LINT_PROFILE"];
  if (named) return BUNDLED[named] ? bundledProfile(named) : loadProfileFile(path.resolve(named));
  const found = findProfileFile(file ? path.dirname(path.resolve(file)) : process.cwd());
  return found ? loadProfileFile(found) : bundledProfile(DEFAULT_PROFILE);
}
