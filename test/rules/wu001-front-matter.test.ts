/**
 * WU001 wrapup-front-matter through both real linters: YAML errors at their exact place, schema
 * errors on their key's line, the consistency checks and their switches, the weight fix, a
 * user's schema file, and bad input that must give a clear finding or nothing, never a crash.
 * The cases that are only a page and its findings are data: test/rules/cases/wu001-front-matter.ts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { bundledProfile, DEFAULT_PROFILE } from "../../src/profile/load.js";
import { yamlFrontMatter } from "../../src/wrapup/front-matter.js";
import { remarkModel } from "../helpers/models.js";
import { GOOD, page } from "./cases/wu001-front-matter.js";
import { fixMarkdownlint, fixRemark, lintMarkdownlintInContext, lintRemarkInContext, type SuiteConfig } from "../helpers/lint.js";

/** Profile keys that replace the bundled profile's for one document, or true for the bundled profile. */
type Options = Record<string, unknown> | true;

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "wu001-profiles-"));
let documents = 0;

/** Where a document named `name` stands: in a folder of its own, beside a profile with `profile`'s keys. */
function placed(profile: Options, name: string): string {
  const dir = path.join(scratch, String(++documents));
  fs.mkdirSync(path.join(dir, ".git"), { recursive: true });
  if (profile !== true) fs.writeFileSync(path.join(dir, ".wrapup-lint.jsonc"), JSON.stringify({ name: "test", extends: "gardener", ...profile }));
  return path.join(dir, name);
}

interface Seen {
  line: number;
  column: number | null;
  message: string;
  context: string | null;
  fix: [number, number, number, string] | null;
}

/** Runs both linters; asserts they agree on line and message; returns markdownlint's view. */
async function lint(text: string, profile: Options = true, name = "doc.md"): Promise<Seen[]> {
  const config: SuiteConfig = { WU001: true };
  const file = placed(profile, name);
  const m = (await lintMarkdownlintInContext(text, config, file)).filter((r) => r.code === "WU001");
  const r = (await lintRemarkInContext(text, config, file)).filter((x) => x.code === "WU001");
  expect(r.map((x) => `${x.line}: ${x.message}`), "remark agrees with markdownlint").toEqual(m.map((x) => `${x.line}: ${x.message}`));
  // remark places a fixable finding on the text its fix replaces: the same fix in both.
  expect(r.map((x) => x.fix)).toEqual(m.map((x) => x.fix));
  return m.map(({ line, column, message, context, fix }) => ({ line, column, message, context, fix }));
}

const messages = async (text: string, profile: Options = true, name = "doc.md"): Promise<string[]> =>
  (await lint(text, profile, name)).map((f) => `${f.line}: ${f.message}`);


describe("valid YAML: each syntax error on its exact line and column", () => {
  test("an unclosed double quote, at the opening quote", async () => {
    expect(await lint(page('github_subdir: x\ntitle: "November 2023\nweight: -202311\nlocal: true'))).toEqual([
      {
        line: 3,
        column: 8,
        message: 'Unexpected `"November 2023` without a closing `"`, expected `"November 2023"`',
        context: '"November 2023',
        fix: null,
      },
    ]);
  });

  test("bad indentation", async () => {
    const found = await lint(page(`${GOOD}\npath_base_for_github_subdir:\n  from: a.md\n to: b.md`));
    expect(found).toEqual([
      {
        line: 6,
        column: 1,
        message: "Unexpected indentation of `to: b.md` (1 space), expected it to line up with the other keys of its mapping",
        context: " to: b.md",
        fix: null,
      },
    ]);
  });

  test("a tab in the indentation, at the tab", async () => {
    const found = await lint(page(`${GOOD}\nparams:\n  github_branch: master\n  \tlocal: true`));
    expect(found.map((f) => [f.line, f.column, f.message])).toEqual([
      [6, 3, "Unexpected tab in the indentation of `local: true`, expected spaces"],
    ]);
  });

  test("a duplicate key, at the second one, naming the first", async () => {
    const found = await lint(page(`${GOOD}\nprev: false\nweight: -202311`));
    expect(found).toEqual([
      { line: 5, column: 1, message: "Unexpected second `weight` key, expected each key once (the first `weight` is on line 3)", context: "weight", fix: null },
    ]);
  });

  test("an unclosed `[`, at the bracket", async () => {
    expect(await lint(page(`${GOOD}\nprev: [a, b\nlocal: true`))).toEqual([
      { line: 4, column: 7, message: "Unexpected `[a, b` without a closing `]`, expected `]` to end the list", context: "[a, b", fix: null },
    ]);
  });

  test("an alias without an anchor", async () => {
    expect(await lint(page('title: "November 2023"\nweight: *w'))).toEqual([
      {
        line: 3,
        column: 9,
        message: "Unexpected `*w`, expected plain YAML values (Unresolved alias (the anchor must be set before the alias): w)",
        context: "*w",
        fix: null,
      },
    ]);
  });

  test("an alias bomb is refused, not expanded", async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const c of "bcdefghij") bomb.push(`${c}: &${c} [${Array(9).fill(`*${String.fromCharCode(c.charCodeAt(0) - 1)}`).join(",")}]`);
    const found = await messages(page(`${GOOD}\n${bomb.join("\n")}`));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^5: Unexpected `\*a,\*a,.*expected plain YAML values \(Excessive alias count/);
  });
});

describe("schema", () => {
  test("the bundled schema is a valid draft-07 schema (the rule uses it precompiled, unchecked)", () => {
    const ajv = new Ajv({ strict: false });
    const schema = bundledProfile(DEFAULT_PROFILE).frontMatter.schema!;
    expect(ajv.validateSchema(schema), ajv.errorsText()).toBe(true);
  });

  test("each error on its key's line, in words a person understands", async () => {
    const found = await lint(page('title: "Nov 2023"\nweight: "abc"\nlocal: yes\nprev: 3\noutline: deeper\npath_base_for_github_subdir:\n  from: a.md'), { frontMatter: { weight: null } });
    expect(found.map((f) => [f.line, f.column, f.message, f.context])).toEqual([
      [2, 8, "Unexpected `\"Nov 2023\"` for `title`, expected a month and year such as `May 2026`", '"Nov 2023"'],
      [3, 9, "Unexpected `\"abc\"` for `weight`, expected an integer", '"abc"'],
      [4, 8, "Unexpected `yes` for `local`, expected `true` or `false`", "yes"],
      [5, 7, "Unexpected `3` for `prev`, expected `true` or `false`", "3"],
      [6, 10, "Unexpected `deeper` for `outline`, expected an integer", "deeper"],
    ]);
  });

  test("a non-integer weight with a valid title is reported once, with the value it should have, and fixed", async () => {
    const text = page('title: "November 2023"\nweight: "abc"');
    expect(await lint(text)).toEqual([
      {
        line: 3,
        column: 9,
        message: 'Unexpected weight `"abc"`, expected `-202311` for the title `November 2023`',
        context: '"abc"',
        fix: [3, 9, 5, "-202311"],
      },
    ]);
    for (const fix of [fixMarkdownlint, fixRemark]) {
      const fixed = await fix(text, { WU001: true }, "doc.md");
      expect(fixed).toBe(page(GOOD));
      expect(await lint(fixed)).toEqual([]);
    }
  });

});

describe("a user's schema file", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wu001-"));
  const write = (name: string, content: unknown): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    // Relative to the working directory, as users write it in their config.
    return path.relative(process.cwd(), file);
  };
  const strict = write("strict.schema.json", {
    type: "object",
    required: ["title", "weight", "author"],
    additionalProperties: false,
    properties: {
      title: { type: "string" },
      weight: { type: "integer", maximum: 0 },
      author: { type: "string", minLength: 2 },
      level: { enum: ["beginner", "expert"] },
    },
  });

  test("replaces the Gardener schema; relative to the working directory", async () => {
    const text = page(`${GOOD}\nauthor: X\nlevel: guru\nlocal: true`);
    expect(await messages(text, { frontMatter: { schema: path.resolve(strict) } })).toEqual([
      "4: Unexpected `X` for `author`, expected at least 2 characters",
      "5: Unexpected `guru` for `level`, expected one of `\"beginner\"` or `\"expert\"`",
      "6: Unexpected key `local`, expected only `title`, `weight`, `author` or `level`",
    ]);
    expect(await messages(text)).toEqual([]);
  });

  test("a 2020-12 schema", async () => {
    const file = write("2020.schema.json", {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      properties: { weight: { type: "integer", exclusiveMaximum: -200000 } },
      unevaluatedProperties: { not: { type: "array" } },
    });
    expect(await messages(page(`${GOOD}\ntags: [a]`), { frontMatter: { schema: path.resolve(file) } })).toEqual([
      "4: Unexpected `[a]` for `tags`, expected anything but a list",
    ]);
    expect(await messages(page('title: "November 2023"\nweight: -5'), { frontMatter: { schema: path.resolve(file), weight: null } })).toEqual([
      "3: Unexpected `-5` for `weight`, expected a number < -200000",
    ]);
    const closed = write("closed.schema.json", { $schema: "https://json-schema.org/draft/2020-12/schema", properties: { title: {}, weight: {} }, unevaluatedProperties: false });
    expect(await messages(page(`${GOOD}\ntags: [a]`), { frontMatter: { schema: path.resolve(closed) } })).toEqual(["4: Unexpected key `tags`, expected only `title` or `weight`"]);
  });

  test("a missing, unreadable or invalid schema file is a one-line profile error in both linters", async () => {
    const cases: [string, RegExp][] = [
      ["does-not-exist.json", /\.wrapup-lint\.jsonc: frontMatter\.schema cannot be read from "does-not-exist\.json": no such file$/],
      [write("broken.json", "{ not json"), /\.wrapup-lint\.jsonc: frontMatter\.schema cannot be read from ".*broken\.json": not JSON: .+$/],
      [write("bad.schema.json", { type: "object", properties: { title: { type: 5 } } }), /\.wrapup-lint\.jsonc: frontMatter\.schema is not a valid JSON Schema: .+$/],
      [write("array.json", [1, 2]), /\.wrapup-lint\.jsonc: frontMatter\.schema ".*array\.json" is not a JSON Schema object$/],
    ];
    for (const [file, expected] of cases) {
      // A relative path is relative to the profile file: absolute here, but for the first.
      const schema = file === "does-not-exist.json" ? file : path.resolve(file);
      const config = { WU001: true };
      const doc = placed({ frontMatter: { schema } }, "doc.md");
      await expect(lintMarkdownlintInContext(page(GOOD), config, doc)).rejects.toThrow(expected);
      await expect(lintRemarkInContext(page(GOOD), config, doc)).rejects.toThrow(expected);
      const message = await lintMarkdownlintInContext(page(GOOD), config, doc).catch((e: Error) => e.message);
      expect(message).not.toContain("\n");
    }
  });

  test("an unknown option is refused", async () => {
    await expect(lintMarkdownlintInContext(page(GOOD), { WU001: { schemaFile: "x" } }, "doc.md")).rejects.toThrow(
      'WU001/wrapup-front-matter: options has unknown option "schemaFile"',
    );
  });
});

describe("consistency", () => {
  test("the weight is minus YYYYMM of the title, and is fixed", async () => {
    const text = page('title: "November 2023"\nweight: -202305 # copied');
    const found = await lint(text);
    expect(found).toEqual([
      {
        line: 3,
        column: 9,
        message: "Unexpected weight `-202305`, expected `-202311` for the title `November 2023`",
        context: "-202305",
        fix: [3, 9, 7, "-202311"],
      },
    ]);
    for (const fix of [fixMarkdownlint, fixRemark]) {
      const fixed = await fix(text, { WU001: true }, "doc.md");
      expect(fixed).toBe(page('title: "November 2023"\nweight: -202311 # copied'));
      expect(await lint(fixed)).toEqual([]);
    }
  });

  test("an empty weight gets its value", async () => {
    const text = page('title: "November 2023"\nweight:\nlocal: true');
    expect(await messages(text)).toEqual(["3: Unexpected empty `weight`, expected `-202311` for the title `November 2023`"]);
    for (const fix of [fixMarkdownlint, fixRemark]) {
      expect(await fix(text, { WU001: true }, "doc.md")).toBe(page('title: "November 2023"\nweight: -202311\nlocal: true'));
    }
  });

  test("the title agrees with the H1, the event date and a dated file name", async () => {
    const text = page('title: "October 2023"\nweight: -202310');
    expect(await lint(text, true, "hackathons/2023-11.md")).toEqual([
      {
        line: 2,
        column: 8,
        message:
          "Unexpected title `October 2023`, expected `November 2023` as in the H1 `Hack The Garden 11/2023 Wrap Up`, the event date `06.11.2023 – 10.11.2023` and the file name `2023-11.md`",
        context: '"October 2023"',
        // Which of them is wrong is for a person to say: no fix.
        fix: null,
      },
    ]);
  });

  test("a weight that agrees with nothing is reported without a fix when the title is contradicted", async () => {
    const found = await lint(page('title: "October 2023"\nweight: -202201'));
    expect(found.map((f) => [f.line, f.message, f.fix])).toEqual([
      [2, "Unexpected title `October 2023`, expected `November 2023` as in the H1 `Hack The Garden 11/2023 Wrap Up` and the event date `06.11.2023 – 10.11.2023`", null],
      [3, "Unexpected weight `-202201`, expected `-202310` for the title `October 2023`", null],
    ]);
  });

  test("an event across two months accepts either", async () => {
    const across = (title: string) => page(title, "Hack The Garden Wrap Up", "30.10.2023 – 03.11.2023");
    expect(await messages(across('title: "October 2023"\nweight: -202310'))).toEqual([]);
    expect(await messages(across('title: "November 2023"\nweight: -202311'))).toEqual([]);
    expect(await messages(across('title: "December 2023"\nweight: -202312'))).toEqual([
      "2: Unexpected title `December 2023`, expected `October 2023` or `November 2023` as in the event date `30.10.2023 – 03.11.2023`",
    ]);
  });

  test("each check can be switched off", async () => {
    const text = page('title: "October 2023"\nweight: -202201', "Hack The Garden 11/2023 Wrap Up", "04.12.2023 – 08.12.2023");
    const name = "2024-01.md";
    const all = await messages(text, true, name);
    expect(all).toHaveLength(2);
    expect(all[0]).toMatch(/as in the H1 .*, and `December 2023` as in the event date .*, and `January 2024` as in the file name `2024-01\.md`$/);
    expect((await messages(text, { frontMatter: { titleMatches: ["date", "fileName"] } }, name))[0]).not.toContain("the H1");
    expect((await messages(text, { frontMatter: { titleMatches: ["h1", "fileName"] } }, name))[0]).not.toContain("event date");
    expect((await messages(text, { frontMatter: { titleMatches: ["h1", "date"] } }, name))[0]).not.toContain("file name");
    expect(await messages(text, { frontMatter: { titleMatches: [] } }, name)).toEqual([
      "3: Unexpected weight `-202201`, expected `-202310` for the title `October 2023`",
    ]);
    expect(await messages(text, { frontMatter: { titleMatches: [], weight: null } }, name)).toEqual([]);
    // Fixable once nothing contradicts the title.
    expect((await lint(text, { frontMatter: { titleMatches: [] } }, name))[0]!.fix).toEqual([3, 9, 7, "-202310"]);
  });

});

describe("presence and detection", () => {
  test("a wrap-up without front matter, on line 1; unless not required", async () => {
    expect(await lint(page(null))).toEqual([
      {
        line: 1,
        column: null,
        message: "Unexpected wrap-up without front matter, expected a YAML block between `---` lines with `title` and `weight` at the top",
        context: null,
        fix: null,
      },
    ]);
  });

});

describe("bad input: a clear finding or nothing, never a crash", () => {
  test("a block that never closes", async () => {
    expect(await lint(`---\n${GOOD}\n\n# Hack The Garden 11/2023 Wrap Up\n\nText.\n`)).toEqual([
      {
        line: 1,
        column: 1,
        message: "Unexpected `---` without a closing `---`, expected the front matter to end with a `---` line",
        context: "---",
        fix: null,
      },
    ]);
  });

  const garbage = (size: number, seed: number): string => {
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = (seed >> 16) & 255;
    }
    return bytes.toString("latin1");
  };

  test("binary garbage, alone and inside the block", async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const junk = garbage(3000, seed);
      expect(await messages(junk)).toEqual([]);
      const always = await messages(junk, { wrapups: { always: true } });
      expect(always.length).toBeLessThanOrEqual(1);
      const inside = await lint(page(junk.replace(/^(---|\.\.\.)/gm, "x")));
      expect(inside.length).toBeGreaterThan(0);
      for (const f of inside) {
        expect(f.message).toMatch(/^Unexpected /);
        expect(f.message).not.toMatch(/[\u0000-\u001f]/);
        expect(f.line).toBeGreaterThanOrEqual(1);
      }
      const utf8 = await lint(page(Buffer.from(junk, "latin1").toString("utf8").replace(/^---/gm, "x")));
      for (const f of utf8) expect(f.message).toMatch(/^Unexpected /);
    }
  });

  test("a 1 MB front matter", async () => {
    const keys: string[] = [];
    for (let i = 0, size = 0; size < 1 << 20; i++) {
      keys.push(`key${i}: "a value to fill the front matter, number ${i}"`);
      size += keys[keys.length - 1]!.length + 1;
    }
    expect(await messages(page(`${GOOD}\n${keys.join("\n")}`))).toEqual([]);
    expect(await messages(page(`${GOOD}\n${keys.join("\n")}\nkey7: again`))).toEqual([
      `${keys.length + 4}: Unexpected second \`key7\` key, expected each key once (the first \`key7\` is on line 11)`,
    ]);
  });

  test("deep nesting", async () => {
    const deep = `${GOOD}\nx: ${"[".repeat(5000)}${"]".repeat(5000)}`;
    const found = await messages(page(deep));
    expect(found.every((m) => m.startsWith("4: Unexpected "))).toBe(true);
  });

  test("a byte-order mark and CRLF line endings", async () => {
    const text = "\uFEFF" + page('title: "November 2023"\nweight: -202305').replace(/\n/g, "\r\n");
    expect(await messages(text)).toEqual(["3: Unexpected weight `-202305`, expected `-202311` for the title `November 2023`"]);
    for (const fix of [fixMarkdownlint, fixRemark]) {
      expect(await fix(text, { WU001: true }, "doc.md")).toBe("\uFEFF" + page(GOOD).replace(/\n/g, "\r\n"));
    }
  });
});

test("the parsed front matter is cached per model", () => {
  const model = remarkModel(page(GOOD));
  const first = yamlFrontMatter(model);
  expect(first?.value).toEqual({ title: "November 2023", weight: -202311 });
  expect(yamlFrontMatter(model)).toBe(first);
  expect(yamlFrontMatter(remarkModel(page(null)))).toBeNull();
});
