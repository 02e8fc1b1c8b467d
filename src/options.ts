/**
 * Options: each rule's JSON Schema validates what the user configured (ajv), defaults fill the
 * rest, and a bad option ends the run with one line naming the rule and the option.
 */
import type { ValidateFunction } from "ajv";
import { lazy } from "./lazy.js";
import type { Finding, WrapupRule } from "./rule.js";

const ajvModule = lazy<typeof import("ajv")>("ajv");
let ajv: import("ajv").Ajv | undefined;
const validators = new WeakMap<object, ValidateFunction>();
const resolved = new WeakMap<object, { byObject: WeakMap<object, unknown>; byText: Map<string, unknown>; byValue: Map<unknown, unknown> }>();

export class OptionsError extends Error {
  override name = "OptionsError";
}

/** Keys markdownlint and unified-lint-rule use themselves, not rule options. */
const LINTER_KEYS = new Set(["severity", "enabled"]);

export function resolveOptions<O>(rule: WrapupRule<O, Finding[] | Promise<Finding[]>>, given: unknown): O {
  let perRule = resolved.get(rule);
  if (!perRule) {
    perRule = { byObject: new WeakMap(), byText: new Map(), byValue: new Map() };
    resolved.set(rule, perRule);
  }
  const isObject = given !== null && typeof given === "object";
  // No options, `true`, a severity (remark-lint hands each rule what its preset entry said, for
  // every file): by the value itself.
  if (!isObject && typeof given !== "function") {
    if (perRule.byValue.has(given)) return perRule.byValue.get(given) as O;
    const options = validate(rule, given);
    perRule.byValue.set(given, options);
    return options;
  }
  // What markdownlint hands a rule enabled with `true`, for every document: a new empty object.
  // Its defaults, without a weak entry per document (each one is work for the collector).
  if (isObject && isEmptyPlainObject(given)) {
    const known = perRule.byText.get(EMPTY);
    if (known !== undefined) return known as O;
  }
  // Configuration objects are shared by every document of a run: resolve each once. markdownlint
  // copies the configuration for every document (inline comments may change it), so the same
  // options written the same way are also found by their text; held weakly by object, so that
  // a long-lived process (an editor) keeps no document's copy.
  if (isObject && perRule.byObject.has(given)) return perRule.byObject.get(given) as O;
  const key = textKey(given);
  let options = key === null ? undefined : (perRule.byText.get(key) as O | undefined);
  if (options === undefined) {
    options = validate(rule, given);
    if (key !== null) perRule.byText.set(key, options);
  }
  if (isObject) perRule.byObject.set(given, options);
  return options;
}

const EMPTY = "json:{}";

/** The options as text, or null when JSON cannot say them faithfully (cycles, functions, a RegExp). */
function textKey(given: unknown): string | null {
  if (given === null || typeof given !== "object") return null;
  // What markdownlint hands a rule enabled with `true`: a new empty object for every document.
  if (isEmptyPlainObject(given)) return EMPTY;
  let faithful = true;
  let text: string;
  try {
    text = JSON.stringify(given, (_key, value: unknown) => {
      if (value === undefined || typeof value === "function" || typeof value === "symbol") faithful = false;
      else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
        const proto = Object.getPrototypeOf(value) as unknown;
        if (proto !== Object.prototype && proto !== null) faithful = false; // a RegExp, a Map: not JSON
      }
      return value;
    });
  } catch {
    return null;
  }
  return faithful ? "json:" + text : null;
}

function isEmptyPlainObject(object: object): boolean {
  return Object.getPrototypeOf(object) === Object.prototype && isEmpty(object);
}

function isEmpty(object: object): boolean {
  for (const _ in object) return false;
  return Object.getOwnPropertySymbols(object).length === 0;
}

function validate<O>(rule: WrapupRule<O, Finding[] | Promise<Finding[]>>, given: unknown): O {
  if (given === undefined || given === null || typeof given === "boolean" || given === "error" || given === "warning") {
    return rule.defaults;
  }
  if (typeof given !== "object" || Array.isArray(given)) {
    throw new OptionsError(`${rule.code}/${rule.name}: options must be an object, found ${JSON.stringify(given)}`);
  }
  const own = Object.fromEntries(Object.entries(given).filter(([key]) => !LINTER_KEYS.has(key)));
  // Nothing configured: the defaults, which the options tests check against each schema. Compiling
  // eight schemas for an empty object cost ~45 ms at the start of every run and editor session.
  if (isEmpty(own)) return rule.defaults;
  let check = validators.get(rule);
  if (!check) {
    ajv ??= new (ajvModule().Ajv)({ allErrors: false, strict: false, useDefaults: false });
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
