/**
 * Options: each rule's JSON Schema validates what the user configured (ajv), defaults fill the
 * rest, and a bad option ends the run with one line naming the rule and the option.
 */
import type { ValidateFunction } from "ajv";
import { lazy } from "./lazy.js";
import { memo } from "./memo.js";
import type { Finding, WrapupRule, AnyRule } from "./rule.js";

const ajvModule = lazy<typeof import("ajv")>("ajv");
let ajv: import("ajv").Ajv | undefined;

export class OptionsError extends Error {
  override name = "OptionsError";
}

/** Keys markdownlint and unified-lint-rule use themselves, not rule options. */
const LINTER_KEYS = new Set(["severity", "enabled"]);

/**
 * The rule's options: its defaults when nothing is configured, else what was configured,
 * validated, over the defaults. A configuration object is resolved once; markdownlint hands every
 * document a copy of its configuration, which is resolved again (a compiled schema's check).
 */
export function resolveOptions<O>(rule: WrapupRule<O, Finding[] | Promise<Finding[]>>, given: unknown): O {
  if (given === null || typeof given !== "object" || isEmptyPlainObject(given)) return validate(rule, given);
  return resolvedFor(rule)(given) as O;
}

const resolvedFor = memo((rule: AnyRule) => memo((given: object): unknown => validate(rule, given)));

function isEmptyPlainObject(object: object): boolean {
  return Object.getPrototypeOf(object) === Object.prototype && isEmpty(object);
}

function isEmpty(object: object): boolean {
  for (const _ in object) return false;
  return Object.getOwnPropertySymbols(object).length === 0;
}

const validatorOf = memo((rule: AnyRule): ValidateFunction => {
  ajv ??= new (ajvModule().Ajv)({ allErrors: false, strict: false, useDefaults: false });
  return ajv.compile({ ...rule.schema, type: "object", additionalProperties: false });
});

function validate<O>(rule: WrapupRule<O, Finding[] | Promise<Finding[]>>, given: unknown): O {
  if (given === undefined || given === null || typeof given === "boolean" || given === "error" || given === "warning") {
    return rule.defaults;
  }
  if (typeof given !== "object" || Array.isArray(given)) {
    throw new OptionsError(`${rule.code}/${rule.name}: options must be an object, found ${JSON.stringify(given)}`);
  }
  const own = Object.fromEntries(Object.entries(given).filter(([key]) => !LINTER_KEYS.has(key)));
  // Nothing configured: the defaults, which the options tests check against each schema (no
  // schema compiled).
  if (isEmpty(own)) return rule.defaults;
  const check = validatorOf(rule);
  if (!check(own)) {
    const error = check.errors?.[0];
    const where = error?.instancePath ? `option "${error.instancePath.slice(1).replace(/\//g, ".")}"` : "options";
    let what = error?.message ?? "is invalid";
    if (error?.keyword === "additionalProperties") {
      what = `has unknown option "${String(error.params["additionalProperty"])}"`;
    } else if (error?.keyword === "enum") {
      what = `must be one of ${(error.params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    }
    throw new OptionsError(`${rule.code}/${rule.name}: ${where} ${what}`);
  }
  const options = { ...rule.defaults, ...own } as O;
  const problem = rule.validate?.(options);
  if (problem) throw new OptionsError(`${rule.code}/${rule.name}: ${problem}`);
  return options;
}
