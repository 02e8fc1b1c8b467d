/**
 * Options: each rule's JSON Schema validates what the user configured (ajv), defaults fill the
 * rest, and a bad option ends the run with one line naming the rule and the option.
 */
import { Ajv, type ValidateFunction } from "ajv";
import type { Finding, WrapupRule } from "./rule.js";

const ajv = new Ajv({ allErrors: false, strict: false, useDefaults: false });
const validators = new WeakMap<object, ValidateFunction>();
const resolved = new WeakMap<object, Map<unknown, unknown>>();

export class OptionsError extends Error {
  override name = "OptionsError";
}

/** Keys markdownlint and unified-lint-rule use themselves, not rule options. */
const LINTER_KEYS = new Set(["severity", "enabled"]);

export function resolveOptions<O>(rule: WrapupRule<O, Finding[] | Promise<Finding[]>>, given: unknown): O {
  let perRule = resolved.get(rule);
  if (!perRule) {
    perRule = new Map();
    resolved.set(rule, perRule);
  }
  if (perRule.has(given)) return perRule.get(given) as O;
  const options = validate(rule, given);
  // Configuration objects are shared by every document of a run: resolve each once.
  if (given === null || typeof given === "object") perRule.set(given, options);
  return options;
}

function validate<O>(rule: WrapupRule<O, Finding[] | Promise<Finding[]>>, given: unknown): O {
  if (given === undefined || given === null || typeof given === "boolean" || given === "error" || given === "warning") {
    return rule.defaults;
  }
  if (typeof given !== "object" || Array.isArray(given)) {
    throw new OptionsError(`${rule.code}/${rule.name}: options must be an object, found ${JSON.stringify(given)}`);
  }
  const own = Object.fromEntries(Object.entries(given).filter(([key]) => !LINTER_KEYS.has(key)));
  let check = validators.get(rule);
  if (!check) {
    check = ajv.compile({ ...rule.schema, type: "object", additionalProperties: false });
    validators.set(rule, check);
  }
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
