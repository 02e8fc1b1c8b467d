/**
 * The package installs as users install it today: from a git URL (npm clones it, installs its
 * dev dependencies, builds it with `prepare`, packs and installs that) and from a tarball made
 * with `npm pack` in a clean clone after `npm ci`. A snapshot of this working tree is the
 * repository. In a project of its own, the installed bin lints, both entry points import, and the
 * clone's lock file is left as it was. Only the npm registry is reached.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { RULES } from "../../rules/index.js";
import { readDraft } from "../helpers/corpus.js";
import { git, runAsync, snapshot, tempDir, testEnv } from "../helpers/integration.js";

const npm = (args: string[], cwd: string) =>
  runAsync("npm", ["--no-audit", "--no-fund", "--loglevel=error", ...args], { cwd, env: testEnv() });

/** A user's project with `spec` installed, checked: the bin finds the wrap-up's finding, the entry points import. */
async function installAndUse(spec: string): Promise<void> {
  const user = tempDir("wrapup-lint-install-user-");
  fs.writeFileSync(
    path.join(user, "package.json"),
    JSON.stringify({ name: "user", version: "1.0.0", private: true, type: "module" }),
  );
  const install = await npm(["install", "--save-dev", spec], user);
  expect(install.code, install.output).toBe(0);
  const installed = path.join(user, "node_modules", "wrapup-lint");
  expect(fs.existsSync(path.join(installed, "dist", "src", "cli", "index.js")), "built").toBe(true);
  expect(fs.existsSync(path.join(installed, "LICENSE"))).toBe(true);
  fs.mkdirSync(path.join(user, "docs"));
  fs.writeFileSync(path.join(user, "docs", "2025-12.md"), readDraft("2025-12.md"));
  const run = await runAsync(path.join(user, "node_modules", ".bin", "wrapup-lint"), ["docs/*.md"], {
    cwd: user,
    env: testEnv(),
  });
  expect(run.code, run.output).toBe(1);
  expect(run.stdout).toContain("docs/2025-12.md:19 error WU002/wrapup-event-details");
  fs.writeFileSync(
    path.join(user, "use.mjs"),
    'const m = await import("wrapup-lint/markdownlint"); const r = await import("wrapup-lint/remark"); console.log(m.default.length, Object.keys(r.plugins).length);\n',
  );
  const used = await runAsync(process.execPath, [path.join(user, "use.mjs")], { cwd: user, env: testEnv() });
  // Every rule of the suite, through both entry points.
  expect(used.stdout.trim(), used.output).toBe(`${RULES.length} ${RULES.length}`);
  expect(RULES.length).toBe(9);
}

describe("installing the package", () => {
  test("from a git URL", async () => {
    const { repo, rev } = snapshot();
    await installAndUse(`git+file://${repo}#${rev}`);
  });

  test("from `npm pack` in a clean clone after `npm ci`, which leaves the lock file as it was", async () => {
    const { repo } = snapshot();
    const clone = path.join(tempDir("wrapup-lint-install-clone-"), "wrapup-lint");
    git(path.dirname(clone), "clone", "-q", repo, clone);
    const ci = await npm(["ci"], clone);
    expect(ci.code, ci.output).toBe(0);
    const pack = await npm(["pack", "--silent"], clone);
    expect(pack.code, pack.output).toBe(0);
    const tarball = path.join(clone, pack.stdout.trim().split("\n").pop()!);
    expect(fs.existsSync(tarball), pack.output).toBe(true);
    expect(git(clone, "status", "--porcelain", "--untracked-files=no")).toBe("");
    await installAndUse(tarball);
  });
});
