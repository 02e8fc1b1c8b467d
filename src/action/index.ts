/**
 * The GitHub Action's entry point. action.yml runs the committed bundle of this file
 * (`action/index.js`, scripts/build-action.mjs) with the runner's own Node (`runs.using: node24`):
 * nothing is installed at run time and the job's Node is left alone. It lints the Markdown files
 * the pull request changes, prints one annotation per finding (workflow commands), writes a SARIF
 * file for code scanning, and a summary of the run.
 *
 * What the runner gives it: `GITHUB_EVENT_NAME` and `GITHUB_EVENT_PATH` (the event payload;
 * a pull request's base commit is `pull_request.base.sha`, a push's is `before`),
 * `GITHUB_BASE_REF`, `GITHUB_WORKSPACE`, `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`; each input as
 * `INPUT_<NAME>`, the name upper-cased with its hyphens kept (`INPUT_WORKING-DIRECTORY`): `files`
 * (globs narrowing the set, one per line or space), `sarif-file`, `working-directory`,
 * `fail-on-findings`, `offline`, `token` (for GitHub link checks). Link results are kept in
 * `WRAPUP_LINT_CACHE_DIR` or the user cache directory (`~/.cache/wrapup-lint`; the README shows
 * an actions/cache step that keeps it between runs).
 *
 * Exit 0 clean (or findings with `fail-on-findings: false`), 1 findings, 2 configuration error.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import formatSarif from "markdownlint-cli2-formatter-sarif";
import { githubCommands, githubPrefix, lintSelected, type CliIo, type CliOptions } from "../cli/index.js";

interface Payload {
  pull_request?: { base?: { sha?: string; ref?: string }; head?: { sha?: string } };
  before?: string;
}

/** An input as the runner passes it (`INPUT_WORKING-DIRECTORY`), or with underscores as a composite step would. */
function input(env: NodeJS.ProcessEnv, name: string, fallback = ""): string {
  const value = env[`INPUT_${name.toUpperCase().replace(/ /g, "_")}`] ?? env[`INPUT_${name.toUpperCase().replace(/[ -]/g, "_")}`];
  return value === undefined || value.trim() === "" ? fallback : value.trim();
}

function hasCommit(cwd: string, sha: string): boolean {
  return spawnSync("git", ["cat-file", "-e", `${sha}^{commit}`], { cwd }).status === 0;
}

/**
 * The commit to diff against: the pull request's base, a push's previous head, or the base
 * branch. A shallow checkout (actions/checkout's default) lacks it: fetch that one commit.
 */
export function baseRevision(env: NodeJS.ProcessEnv, cwd: string, log: (line: string) => void): string | null {
  let payload: Payload = {};
  const eventPath = env["GITHUB_EVENT_PATH"];
  if (eventPath && fs.existsSync(eventPath)) payload = JSON.parse(fs.readFileSync(eventPath, "utf8")) as Payload;
  const candidates: string[] = [];
  if (payload.pull_request?.base?.sha) candidates.push(payload.pull_request.base.sha);
  if (payload.before && !/^0+$/.test(payload.before)) candidates.push(payload.before);
  for (const sha of candidates) {
    if (hasCommit(cwd, sha)) return sha;
    const fetched = spawnSync("git", ["fetch", "--no-tags", "--depth=1", "origin", sha], { cwd, encoding: "utf8" });
    if (fetched.status === 0 && hasCommit(cwd, sha)) return sha;
    log(`wrapup-lint: could not fetch the base commit ${sha}`);
  }
  const baseRef = env["GITHUB_BASE_REF"] || payload.pull_request?.base?.ref;
  if (baseRef) {
    for (const ref of [`origin/${baseRef}`, baseRef]) {
      if (spawnSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd }).status === 0) return ref;
    }
  }
  return null;
}

/** Appends `name=value` (or a multi-line value) to the GITHUB_OUTPUT file. */
function setOutput(file: string | undefined, name: string, value: string): void {
  if (!file) return;
  const delimiter = `wrapup_lint_${Math.random().toString(36).slice(2)}`;
  fs.appendFileSync(file, value.includes("\n") ? `${name}<<${delimiter}\n${value}\n${delimiter}\n` : `${name}=${value}\n`);
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The rules beside the bundle (action/node_modules/wrapup-lint/), as the action runs; the package's own otherwise. */
function bundledRules(): string | undefined {
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), "node_modules", "wrapup-lint", "markdownlint.js");
  return fs.existsSync(beside) ? beside : undefined;
}

export async function action(env: NodeJS.ProcessEnv = process.env, io: Pick<CliIo, "out" | "err"> = { out: (l) => process.stdout.write(l + "\n"), err: (l) => process.stderr.write(l + "\n") }): Promise<number> {
  const workspace = path.resolve(env["GITHUB_WORKSPACE"] || process.cwd());
  const cwd = path.resolve(workspace, input(env, "working-directory", "."));
  const globs = input(env, "files").split(/\s+/).filter(Boolean);
  const sarifFile = path.resolve(workspace, input(env, "sarif-file", "wrapup-lint.sarif"));
  const failOnFindings = !/^(?:false|0|no)$/i.test(input(env, "fail-on-findings", "true"));
  if (/^(?:true|1|yes)$/i.test(input(env, "offline", "false"))) process.env["WRAPUP_LINT_OFFLINE"] = "1";
  // The link checks read the token from the environment (the `token` input, github.token by default).
  const token = input(env, "token");
  if (token !== "") process.env["GITHUB_TOKEN"] = token;

  const base = baseRevision(env, cwd, io.err);
  if (base === null && globs.length === 0) globs.push("**/*.{md,markdown}", "#node_modules");
  const profile = input(env, "profile");
  const options: CliOptions = { format: "github", output: null, offline: false, changedSince: base, fix: false, config: null, profile: profile === "" ? null : path.resolve(workspace, profile), globs };
  const cliIo: CliIo = { out: io.out, err: io.err, cwd, rulesModule: bundledRules() };
  let outcome;
  try {
    outcome = await lintSelected(options, cliIo);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
    io.out(`::error title=wrapup-lint::${message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}`);
    return 2;
  }
  const prefix = githubPrefix(cwd);
  // Annotations.
  for (const line of githubCommands(outcome.results, prefix)) io.out(line);
  // SARIF, with paths from the repository root as code scanning wants them.
  const results = outcome.results.map((r) => ({ ...r, fileName: path.posix.join(prefix, r.fileName) }));
  fs.mkdirSync(path.dirname(sarifFile), { recursive: true });
  await formatSarif({ ...outcome.formatterOptions, directory: workspace, results }, { name: sarifFile });

  const files = outcome.files.map((f) => path.posix.join(prefix, f));
  const errors = outcome.results.filter((r) => r.severity !== "warning").length;
  setOutput(env["GITHUB_OUTPUT"], "files", files.join("\n"));
  setOutput(env["GITHUB_OUTPUT"], "findings", String(outcome.results.length));
  setOutput(env["GITHUB_OUTPUT"], "sarif-file", sarifFile);

  const summary = env["GITHUB_STEP_SUMMARY"];
  if (summary) {
    const scope = base === null ? `files matching ${globs.join(" ")}` : `${files.length} changed Markdown file${files.length === 1 ? "" : "s"} (since \`${base.slice(0, 12)}\`)`;
    const lines = [`### wrapup-lint`, "", `Linted ${scope}: ${outcome.results.length === 0 ? "no findings." : `${outcome.results.length} finding${outcome.results.length === 1 ? "" : "s"}.`}`, ""];
    if (outcome.results.length > 0) {
      lines.push("| File | Line | Rule | Finding |", "| --- | --- | --- | --- |");
      for (const r of results) lines.push(`| ${escapeCell(r.fileName)} | ${r.lineNumber} | ${escapeCell(r.ruleNames.join("/"))} | ${escapeCell(r.errorDetail ?? r.ruleDescription)} |`);
      lines.push("");
    }
    fs.appendFileSync(summary, lines.join("\n") + "\n");
  }
  if (errors > 0) return failOnFindings ? 1 : 0;
  return 0;
}

// Run when executed (node dist/src/action/index.js), not when imported.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await action();
}
