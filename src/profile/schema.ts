/**
 * A profile's front matter schema, compiled with ajv (draft-07, 2019-09 or 2020-12, by its
 * `$schema`), once per schema object. A profile file's schema is compiled when the file is read,
 * checked against its meta-schema, so that a schema ajv refuses is the file's one-line error. A
 * bundled profile's schema is compiled when a wrap-up first needs it, without that check: a test
 * checks each one against its meta-schema, and compiling the meta-schema would cost every run
 * that meets a wrap-up more than compiling the schema itself. Its errors are worded here for WU001.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import { lazy } from "../core/lazy.js";
import { memo } from "../core/memo.js";
import { code, codes, either } from "../core/message.js";
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

/** The compiled schema (checked against its meta-schema when `checked`); a ProfileError naming `where` when ajv refuses it. */
export const compileSchema = memo(
  (schema: Record<string, unknown>, where: string, checked: boolean): CompiledSchema => {
    const dialect = String(schema["$schema"] ?? "");
    const options = {
      allErrors: true,
      strict: false,
      verbose: true,
      validateFormats: false,
      logger: false,
      validateSchema: checked,
    } as const;
    const ajv = dialect.includes("2020-12")
      ? new (ajv2020().Ajv2020)(options)
      : dialect.includes("2019-09")
        ? new (ajv2019().Ajv2019)(options)
        : new (ajvDraft7().Ajv)(options);
    try {
      return {
        validate: ajv.compile(schema),
        required: Array.isArray(schema["required"]) ? (schema["required"] as unknown[]).map(String) : [],
      };
    } catch (error) {
      throw new ProfileError(
        `${where}: frontMatter.schema is not a valid JSON Schema: ${(error as Error).message.split("\n")[0]}`,
      );
    }
  },
);

/** The profile's front matter schema, compiled; null when the profile has none. */
export function schemaOf(profile: Profile): CompiledSchema | null {
  const schema = profile.frontMatter.schema;
  return schema ? compileSchema(schema, profile.source, !profile.source.startsWith("bundled:")) : null;
}

/* How a failed validation reads in a finding. */

/** Drops what ajv reports from inside a failed `anyOf`/`oneOf`: the combined error says it better. */
export function relevant(errors: ErrorObject[]): ErrorObject[] {
  const combined = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf").map((e) => e.schemaPath + "/");
  return errors.filter((e) => !combined.some((prefix) => e.schemaPath.startsWith(prefix)));
}

/** `front matter without \`title\``: a required key missing from the mapping at `parts`. */
export function missingKeyMessage(parts: readonly string[], missing: string): string {
  const owner = parts.length === 0 ? "front matter" : code(instanceKey(parts));
  return `Unexpected ${owner} without ${code(missing)}, expected a ${code(missing)} key`;
}

/** A key the schema does not allow (`additionalProperties`, `unevaluatedProperties`): the key, its path, and what is allowed. */
export function extraKey(
  error: ErrorObject,
  parts: readonly string[],
): { extra: string; key: string; message: string } {
  const extra = String(error.params["additionalProperty"] ?? error.params["unevaluatedProperty"]);
  const allowed = Object.keys(((error.parentSchema ?? {}) as { properties?: object }).properties ?? {});
  const key = instanceKey([...parts, extra]);
  return {
    extra,
    key,
    message: `Unexpected key ${code(key)}, expected ${allowed.length > 0 ? `only ${codes(allowed, "or", 10)}` : "no other keys"}`,
  };
}

/** A value failing `error`, `shown` as the message names it (`\`2023\``, "mapping", "nothing"). */
export function valueMessage(error: ErrorObject, parts: readonly string[], shown: string): string {
  const subject = parts.length === 0 ? `${shown} as the front matter` : `${shown} for ${code(instanceKey(parts))}`;
  return `Unexpected ${subject}, expected ${expectation(error)}`;
}

/** A JSON pointer's segments. */
export function pathOf(pointer: string): string[] {
  return pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** A key path as written in YAML: `event.dates[0]`. */
export function instanceKey(parts: readonly string[]): string {
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

const TYPE_NAMES: Record<string, string> = {
  integer: "an integer",
  number: "a number",
  string: "a string",
  boolean: `${code("true")} or ${code("false")}`,
  object: "a mapping of keys",
  array: "a list",
  null: code("null"),
};

/** What a value failing `error` should have been, in words: "an integer", "one of `a` or `b`" (a schema's `x-expected` says it itself). */
export function expectation(error: ErrorObject): string {
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  if (typeof parent["x-expected"] === "string") return parent["x-expected"];
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "type": {
      const types = String(p["type"]).split(",");
      return either(types.map((t) => TYPE_NAMES[t] ?? t));
    }
    case "pattern": {
      const examples = parent["examples"];
      const example = Array.isArray(examples) && examples.length > 0 ? `, such as ${code(String(examples[0]))}` : "";
      return `text matching ${code(String(p["pattern"]))}${example}`;
    }
    case "enum":
      return `one of ${either((p["allowedValues"] as unknown[]).map((v) => code(JSON.stringify(v))))}`;
    case "const":
      return code(JSON.stringify(p["allowedValue"]));
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return `a number ${String(p["comparison"])} ${String(p["limit"])}`;
    case "minLength":
      return `at least ${String(p["limit"])} characters`;
    case "maxLength":
      return `at most ${String(p["limit"])} characters`;
    case "minItems":
      return `at least ${String(p["limit"])} items`;
    case "maxItems":
      return `at most ${String(p["limit"])} items`;
    case "not": {
      const not = describeSchema((parent["not"] ?? {}) as Record<string, unknown>);
      return not ? `anything but ${not}` : "a value the schema allows";
    }
    case "anyOf":
    case "oneOf": {
      const branches = (parent[error.keyword] as Record<string, unknown>[] | undefined) ?? [];
      const described = branches.map(describeSchema).filter((d): d is string => d !== null);
      return described.length > 0 ? either(described) : `a value that ${error.message ?? "matches the schema"}`;
    }
    default:
      return `a value that ${(error.message ?? "matches the schema").replace(/^must /, "does ").replace(/^does be /, "is ")}`;
  }
}

function describeSchema(schema: Record<string, unknown>): string | null {
  if (Array.isArray(schema["enum"])) return either((schema["enum"] as unknown[]).map((v) => code(JSON.stringify(v))));
  if ("const" in schema) return code(JSON.stringify(schema["const"]));
  const type = schema["type"];
  if (typeof type === "string") return TYPE_NAMES[type] ?? type;
  if (Array.isArray(type)) return either(type.map((t) => TYPE_NAMES[String(t)] ?? String(t)));
  return null;
}
