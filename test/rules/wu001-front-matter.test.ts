/**
 * WU001 wrapup-front-matter, what is not a page and its findings (those are data:
 * test/rules/cases/wu001-front-matter.ts): the bundled schema itself, an alias bomb, a user's
 * schema file that cannot be used and a bad option (errors thrown), generated bad input that must
 * give a clear finding or nothing (never a crash), and the parse kept per model.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { BUNDLED, bundledProfile } from "../../src/profile/load.js";
import { yamlFrontMatter } from "../../src/wrapup/front-matter.js";
import { remarkModel } from "../helpers/models.js";
import { GOOD, page } from "./cases/wu001-front-matter.js";
import { lintMarkdownlintInContext, lintRemarkInContext, type SuiteConfig } from "../helpers/lint.js";

/** Profile keys that replace the bundled profile's for one document, or true for the bundled profile. */
type Options = Record<string, unknown> | true;

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "wu001-profiles-"));
let documents = 0;

/** Where a document named `name` stands: in a folder of its own, beside a profile with `profile`'s keys. */
function placed(profile: Options, name: string): string {
  const dir = path.join(scratch, String(++documents));
  fs.mkdirSync(path.join(dir, ".git"), { recursive: true });
  if (profile !== true)
    fs.writeFileSync(
      path.join(dir, ".wrapup-lint.jsonc"),
      JSON.stringify({ name: "test", extends: "gardener", ...profile }),
    );
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
  expect(
    r.map((x) => `${x.line}: ${x.message}`),
    "remark agrees with markdownlint",
  ).toEqual(m.map((x) => `${x.line}: ${x.message}`));
  // remark places a fixable finding on the text its fix replaces: the same fix in both.
  expect(r.map((x) => x.fix)).toEqual(m.map((x) => x.fix));
  return m.map(({ line, column, message, context, fix }) => ({ line, column, message, context, fix }));
}

const messages = async (text: string, profile: Options = true, name = "doc.md"): Promise<string[]> =>
  (await lint(text, profile, name)).map((f) => `${f.line}: ${f.message}`);

describe("schema", () => {
  test.each(Object.keys(BUNDLED))(
    "the bundled profile %s has a valid draft-07 schema (the rule compiles it unchecked)",
    (name) => {
      const ajv = new Ajv({ strict: false });
      const schema = bundledProfile(name).frontMatter.schema!;
      expect(String(schema["$schema"] ?? "draft-07")).toContain("draft-07");
      expect(ajv.validateSchema(schema), ajv.errorsText()).toBe(true);
    },
  );

  test("a YAML alias bomb is refused, not expanded", async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const c of "bcdefghij")
      bomb.push(
        `${c}: &${c} [${Array(9)
          .fill(`*${String.fromCharCode(c.charCodeAt(0) - 1)}`)
          .join(",")}]`,
      );
    const found = await messages(page(`${GOOD}\n${bomb.join("\n")}`));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^5: Unexpected `\*a,\*a,.*expected plain YAML values \(Excessive alias count/);
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
  test("a missing, unreadable or invalid schema file is a one-line profile error in both linters", async () => {
    const cases: [string, RegExp][] = [
      [
        "does-not-exist.json",
        /\.wrapup-lint\.jsonc: frontMatter\.schema cannot be read from "does-not-exist\.json": no such file$/,
      ],
      [
        write("broken.json", "{ not json"),
        /\.wrapup-lint\.jsonc: frontMatter\.schema cannot be read from ".*broken\.json": not JSON: .+$/,
      ],
      [
        write("bad.schema.json", { type: "object", properties: { title: { type: 5 } } }),
        /\.wrapup-lint\.jsonc: frontMatter\.schema is not a valid JSON Schema: .+$/,
      ],
      [
        write("array.json", [1, 2]),
        /\.wrapup-lint\.jsonc: frontMatter\.schema ".*array\.json" is not a JSON Schema object$/,
      ],
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

describe("bad input: a clear finding or nothing, never a crash", () => {
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
});

test("the parsed front matter is cached per model", () => {
  const model = remarkModel(page(GOOD));
  const first = yamlFrontMatter(model);
  expect(first?.value).toEqual({ title: "November 2023", weight: -202311 });
  expect(yamlFrontMatter(model)).toBe(first);
  expect(yamlFrontMatter(remarkModel(page(null)))).toBeNull();
});
