/**
 * ajv and yaml are loaded when a document needs them, not at start: a run over ordinary pages
 * (a pre-commit hook, an editor) does not pay for them; a wrap-up's front matter needs both
 * (yaml to read it, ajv to compile the profile's schema, once). Checked in a fresh process with the
 * built package, through real markdownlint, by what Node's module cache holds afterwards.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, expect, test } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

beforeAll(() => {
  if (!fs.existsSync(path.join(root, "dist", "src", "adapters", "markdownlint.js")))
    throw new Error("dist/ is missing: run `npm run build` (npm test does)");
});

/** The packages loaded after linting `doc` with the whole suite (options as given). */
function run(
  doc: string,
  config: Record<string, unknown> = { default: false, wrapup: true },
): { loaded: string[]; findings: string[] } {
  const script = `
    import { createRequire } from "node:module";
    import { lint } from "markdownlint/promise";
    import rules from "./dist/src/adapters/markdownlint.js";
    const results = await lint({ strings: { doc: ${JSON.stringify(doc)} }, config: ${JSON.stringify(config)}, customRules: rules });
    const cache = Object.keys(createRequire(import.meta.url).cache);
    const loaded = ["ajv", "yaml"].filter((name) => cache.some((file) => file.includes("/node_modules/" + name + "/")));
    console.log(JSON.stringify({ loaded, findings: results.doc.map((r) => r.ruleNames[0] + " " + r.errorDetail) }));
  `;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, WRAPUP_LINT_OFFLINE: "1" },
  });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout.trim()) as { loaded: string[]; findings: string[] };
}

const loadedAfter = (doc: string, config?: Record<string, unknown>): string[] => run(doc, config).loaded;

test("an ordinary page with front matter loads neither ajv nor yaml", () => {
  expect(
    loadedAfter("---\ntitle: Shoot API\n---\n\n# Shoot API\n\nSee [the docs](https://github.com/gardener/gardener).\n"),
  ).toEqual([]);
});

test("a wrap-up's front matter loads yaml, and ajv to compile the profile's schema", () => {
  const wrapup = '---\ntitle: "Nov 2023"\nweight: -202311\n---\n\n# Hack The Garden 11/2023 Wrap Up\n';
  const { loaded, findings } = run(wrapup);
  expect(loaded).toEqual(["ajv", "yaml"]);
  // The schema did its work: the title is not a month and year.
  expect(findings).toContain('WU001 Unexpected `"Nov 2023"` for `title`, expected a month and year such as `May 2026`');
});

test("options someone wrote load ajv to check them", () => {
  expect(loadedAfter("# A page\n", { default: false, WU006: { linkText: false } })).toEqual(["ajv"]);
});
