/**
 * The package as a user imports it: `wrapup-lint/markdownlint` (the custom rules) and
 * `wrapup-lint/remark` (the preset), from the built dist/ through package.json's exports.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Record<string, any>;

const CODES: Record<string, string> = {
  WU001: "wrapup-front-matter",
  WU002: "wrapup-event-details",
  WU003: "wrapup-section-fields",
  WU004: "wrapup-field-label",
  WU005: "wrapup-section-heading",
  WU006: "wrapup-github-link-form",
  WU007: "wrapup-github-link-resolves",
  WU008: "wrapup-emoji-encoding",
  WU009: "wrapup-next-steps",
};

describe("package", () => {
  test("declares ESM, Node >= 22, the bin and the two entry points", () => {
    expect(pkg.name).toBe("wrapup-lint");
    expect(pkg.type).toBe("module");
    expect(pkg.engines.node).toBe(">=22");
    expect(pkg.bin["wrapup-lint"]).toBe("./bin/wrapup-lint.js");
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(["./markdownlint", "./remark"]));
    for (const dep of ["markdownlint", "markdownlint-cli2", "unified", "unified-lint-rule", "vfile"])
      expect(pkg.dependencies[dep], dep).toBeDefined();
  });

  test("says where it lives and under which licence: repository, homepage, bugs, LICENSE", () => {
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\/[\w-]+\/wrapup-lint\.git$/);
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\//);
    expect(pkg.bugs.url).toMatch(/\/issues$/);
    expect(pkg.license).toBe("Apache-2.0");
    expect(fs.readFileSync(path.join(root, "LICENSE"), "utf8")).toContain(
      "Apache License\n                           Version 2.0, January 2004",
    );
  });

  test("wrapup-lint/markdownlint: the custom rules, with fixed codes, the wrapup tag and a doc link", async () => {
    const { default: rules } = (await import("wrapup-lint/markdownlint")) as { default: any[] };
    expect(rules.map((r) => r.names)).toEqual(Object.entries(CODES));
    for (const rule of rules) {
      expect(rule.tags).toContain("wrapup");
      expect(rule.parser).toBe("micromark");
      expect(rule.description).toMatch(/^[A-Z].*[^.]$/);
      const url = rule.information as URL;
      expect(url).toBeInstanceOf(URL);
      const doc = path.join(root, "rules", path.basename(url.pathname));
      expect(fs.existsSync(doc), doc).toBe(true);
      expect(fs.readFileSync(doc, "utf8").split("\n")[0]).toBe(`# ${rule.names[0]} ${rule.names[1]}`);
    }
  });

  test("wrapup-lint/remark: a preset with front matter, GFM, the profile check, lint comments and every rule", async () => {
    const { default: preset, plugins } = (await import("wrapup-lint/remark")) as {
      default: { plugins: unknown[] };
      plugins: Record<string, { name: string }>;
    };
    expect(Object.keys(plugins)).toEqual(Object.values(CODES));
    for (const [name, plugin] of Object.entries(plugins)) {
      expect(plugin.name).toBe(`wrapup-lint:${name}`);
      expect(preset.plugins).toContain(plugin);
    }
    expect(preset.plugins.length).toBe(Object.keys(CODES).length + 4);
  });
});

test("a remark-lint rule added beside the preset honours <!--lint disable--> too", async () => {
  const { unified } = await import("unified");
  const { default: remarkParse } = await import("remark-parse");
  const { lintRule } = await import("unified-lint-rule");
  const { VFile } = await import("vfile");
  const { default: preset } = (await import("wrapup-lint/remark")) as { default: import("unified").Preset };
  const everyHeading = lintRule("remark-lint:every-heading", (tree: any, file: any) => {
    for (const node of tree.children) if (node.type === "heading") file.message("Heading", node);
  });
  const run = async (text: string) => {
    const processor = unified().use(remarkParse).use(preset).use(everyHeading);
    const file = new VFile({ value: text });
    await processor.run(processor.parse(file), file);
    return file.messages.filter((m) => m.ruleId === "every-heading").map((m) => m.line);
  };
  expect(await run("# One\n\n# Two\n")).toEqual([1, 3]);
  expect(await run("# One\n\n<!--lint disable every-heading-->\n\n# Two\n")).toEqual([1]);
});
