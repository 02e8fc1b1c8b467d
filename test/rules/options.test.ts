/**
 * Options: what nothing configured resolves to (the defaults, without compiling a schema), and
 * that those defaults are what each rule's own schema and checks accept, so that the shortcut
 * can never hand a rule options the validation would have refused.
 */
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { OptionsError, resolveOptions } from "../../src/core/options.js";
import { RULES } from "../../rules/index.js";
import { lintMarkdownlint, lintRemark } from "../helpers/lint.js";

describe.each(RULES.map((rule) => [rule.code, rule] as const))("%s options", (_code, rule) => {
  test("the defaults pass the rule's schema and its own checks", () => {
    const validate = new Ajv({ strict: false }).compile({
      ...rule.schema,
      type: "object",
      additionalProperties: false,
    });
    expect(validate(rule.defaults), JSON.stringify(validate.errors)).toBe(true);
    expect(rule.validate?.(rule.defaults) ?? null).toBeNull();
  });

  test("nothing configured, `true`, or linter keys alone give the defaults", () => {
    for (const given of [
      undefined,
      null,
      true,
      false,
      "warning",
      "error",
      {},
      { severity: "warning" },
      { enabled: true },
    ]) {
      expect(resolveOptions(rule, given)).toEqual(rule.defaults);
    }
  });

  test("a new empty object for every document (markdownlint's `true`) is the very same defaults, and a written option after it still counts", () => {
    for (let i = 0; i < 3; i++) expect(resolveOptions(rule, {})).toBe(rule.defaults);
    expect(() => resolveOptions(rule, { noSuchOption: true })).toThrow(OptionsError);
  });

  test("options that are not an object are one line, every time they are given", () => {
    for (let i = 0; i < 2; i++) {
      expect(() => resolveOptions(rule, 3)).toThrow(
        new RegExp(`^${rule.code}/${rule.name}: options must be an object, found 3$`),
      );
      expect(() => resolveOptions(rule, "loud")).toThrow(OptionsError);
    }
  });

  test("an unknown option is one line naming the rule and the option", () => {
    expect(() => resolveOptions(rule, { noSuchOption: 1 })).toThrow(OptionsError);
    expect(() => resolveOptions(rule, { noSuchOption: 2 })).toThrow(
      new RegExp(`^${rule.code}/${rule.name}: options has unknown option "noSuchOption"$`),
    );
  });
});

test("the defaults every document shares cannot be changed by a rule", () => {
  for (const rule of RULES) {
    expect(Object.isFrozen(rule.defaults), rule.code).toBe(true);
    for (const value of Object.values(rule.defaults as object))
      if (value && typeof value === "object") expect(Object.isFrozen(value), rule.code).toBe(true);
  }
});

test.each([
  [
    "WU006",
    "wrapup-github-link-form",
    { fieldKinds: { Issue: ["bogus"] } },
    'option "fieldKinds.Issue.0" must be one of',
  ],
  ["WU008", "wrapup-emoji-encoding", { codePages: ["ebcdic"] }, 'option "codePages.0" must be one of'],
])(
  "%s: a value its schema refuses is one line naming the option, in both linters",
  async (code, name, options, words) => {
    const line = new RegExp(`^${code}/${name}: ${words} `);
    const rule = RULES.find((r) => r.code === code)!;
    expect(() => resolveOptions(rule, options)).toThrow(OptionsError);
    expect(() => resolveOptions(rule, options)).toThrow(line);
    await expect(lintMarkdownlint("# x\n", { [code]: options })).rejects.toThrow(
      new RegExp(`${code}/${name}: ${words} `),
    );
    // remark: a fatal error (or message) carrying the same one line.
    const fromRemark = await lintRemark("# x\n", { [code]: options }).then(
      (r) => r.map((m) => m.message).join("\n"),
      (e: Error) => e.message,
    );
    expect(fromRemark).toMatch(line);
  },
);
