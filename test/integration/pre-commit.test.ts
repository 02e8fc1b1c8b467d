/**
 * pre-commit (Debian's `pre-commit` package, as CI installs it): a user's repository whose
 * .pre-commit-config.yaml points at a snapshot of this working tree (a git repository at a
 * commit, as pre-commit requires), the hook installed the way pre-commit installs a
 * `language: node` hook (npm install, npm pack, npm install -g of the tarball; only the npm
 * registry is reached), then a commit with a broken wrap-up refused with the findings shown,
 * and a fixed one accepted. One test, bounded in time: installing the hook takes a minute.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { readWrapup } from "../helpers/corpus.js";
import { git, ROOT, runAsync, snapshot, tempDir, testEnv } from "../helpers/integration.js";

const broken = fs.readFileSync(path.join(ROOT, "fixtures", "heading-style-broken.md"), "utf8");

const hasPreCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;
if (!hasPreCommit)
  console.warn("Skipped: the pre-commit hook test needs pre-commit (apt-get install pre-commit; .ci/run installs it).");

test.skipIf(!hasPreCommit)(
  "pre-commit hook wrapup-lint: a broken wrap-up is refused with its findings, a fixed one is committed [needs pre-commit]",
  async () => {
    const hooks = snapshot();
    const user = tempDir("wrapup-lint-user-");
    git(user, "init", "-q", "-b", "main");
    fs.writeFileSync(
      path.join(user, ".pre-commit-config.yaml"),
      `repos:\n  - repo: ${hooks.repo}\n    rev: ${hooks.rev}\n    hooks:\n      - id: wrapup-lint\n`,
    );
    fs.writeFileSync(path.join(user, "README.md"), "# Hackathons\n");
    // pre-commit's own home, so that the hook is installed from this snapshot; npm keeps its cache.
    const env = testEnv({
      PRE_COMMIT_HOME: tempDir("wrapup-lint-pre-commit-home-"),
      PRE_COMMIT_COLOR: "never",
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.org",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.org",
    });

    const install = await runAsync("pre-commit", ["install", "--install-hooks"], { cwd: user, env });
    expect(install.code, install.output + readLog(env)).toBe(0);

    const commit = (message: string) => runAsync("git", ["commit", "-m", message], { cwd: user, env });
    fs.mkdirSync(path.join(user, "hackathons"));
    fs.writeFileSync(path.join(user, "hackathons", "2025-07.md"), broken);
    git(user, "add", "-A");
    const refused = await commit("Wrap-up of November");
    expect(refused.code, refused.output).not.toBe(0);
    expect(refused.output).toMatch(/^wrapup-lint\.+Failed$/m);
    expect(refused.output).toContain("hackathons/2025-07.md:8:17 error WU002/wrapup-event-details");
    expect(refused.output).toContain(
      "Unexpected date range `24.11.2025–28.11.2025`, expected `24.11.2025 – 28.11.2025`",
    );
    expect(spawnSync("git", ["rev-parse", "--verify", "--quiet", "HEAD"], { cwd: user }).status).not.toBe(0);

    fs.writeFileSync(path.join(user, "hackathons", "2025-07.md"), readWrapup("2025-07.md"));
    git(user, "add", "-A");
    const accepted = await commit("Wrap-up of November, fixed");
    expect(accepted.code, accepted.output).toBe(0);
    expect(accepted.output).toMatch(/^wrapup-lint\.+Passed$/m);
    expect(git(user, "log", "--format=%s")).toBe("Wrap-up of November, fixed\n");
  },
);

function readLog(env: NodeJS.ProcessEnv): string {
  const log = path.join(env["PRE_COMMIT_HOME"]!, "pre-commit.log");
  return fs.existsSync(log) ? "\n" + fs.readFileSync(log, "utf8").slice(-4000) : "";
}
