/**
 * A profile's front matter schema, compiled with ajv (draft-07, 2019-09 or 2020-12, by its
 * `$schema`), once per schema object. A profile file's schema is compiled when the file is read,
 * so that a schema ajv refuses is the file's one-line error; the bundled one when a wrap-up
 * first needs it.
 */
import type { ValidateFunction } from "ajv";
import { lazy } from "../lazy.js";
import { memo } from "../memo.js";
import { ProfileError } from "./errors.js";
import type { Profile } from "./types.js";

export interface CompiledSchema {
  validate: ValidateFunction;
  /** The root's required keys, for messages about missing or empty front matter. */
  required: string[];
}

const ajvDraft7 = lazy<typeof import("ajv")>("ajv");
const ajv2019 = lazy<typeof import("ajv/dist/2019.js")>("ajv/dist/2019.js");
const ajv2020 = lazy<typeof import("ajv/dist/2020.js")>("ajv/dist/2020.js");

/** The compiled schema; a ProfileError naming `where` when ajv refuses it. */
export const compileSchema = memo((schema: Record<string, unknown>, where: string): CompiledSchema => {
  const dialect = String(schema["$schema"] ?? "");
  const options = { allErrors: true, strict: false, verbose: true, validateFormats: false, logger: false } as const;
  const ajv = dialect.includes("2020-12") ? new (ajv2020().Ajv2020)(options) : dialect.includes("2019-09") ? new (ajv2019().Ajv2019)(options) : new (ajvDraft7().Ajv)(options);
  try {
    return { validate: ajv.compile(schema), required: Array.isArray(schema["required"]) ? (schema["required"] as unknown[]).map(String) : [] };
  } catch (error) {
    throw new ProfileError(`${where}: frontMatter.schema is not a valid JSON Schema: ${(error as Error).message.split("\n")[0]}`);
  }
});

/** The profile's front matter schema, compiled; null when the profile has none. */
export function schemaOf(profile: Profile): CompiledSchema | null {
  const schema = profile.frontMatter.schema;
  return schema ? compileSchema(schema, profile.source) : null;
}
