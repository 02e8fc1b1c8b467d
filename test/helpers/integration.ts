/**
 * For the integration tests: temporary projects that depend on wrapup-lint as a user's would
 * (node_modules/wrapup-lint is a link to this working tree), git repositories, and commands run
 * asynchronously (so that a server in the test process can answer them).
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const BIN = path.join(ROOT, "bin", "wrapup-lint.js");

/** A child still running after this is taken to hang (a guard, not a judge of speed: the machine may be busy). */
export const HANG_GUARD_MS = 20 * 60_000;

export function tempDir(prefix = "wrapup-lint-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/** A project directory with `files`, depending on wrapup-lint. */
export function project(files: Record<string, string>, dir = tempDir()): string {
  writeFiles(dir, files);
  fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  if (!fs.existsSync(path.join(dir, "node_modules", "wrapup-lint")))
    fs.symlinkSync(ROOT, path.join(dir, "node_modules", "wrapup-lint"), "dir");
  return dir;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.org",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.org",
      GIT_CONFIG_NOSYSTEM: "1",
      HOME: cwd,
    },
  });
}

/** A git repository in `dir` (main branch), node_modules ignored, everything committed. */
export function gitInit(dir: string, message = "base"): string {
  git(dir, "init", "-q", "-b", "main");
  fs.writeFileSync(path.join(dir, ".gitignore"), "node_modules\n");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", message);
  return git(dir, "rev-parse", "HEAD").trim();
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/** The environment of a lint run in a test: no network, a fresh cache, no token, no colours. */
export function testEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    WRAPUP_LINT_OFFLINE: "1",
    WRAPUP_LINT_CACHE_DIR: tempDir("wrapup-lint-cache-"),
  };
  for (const key of [
    "GITHUB_TOKEN",
    "GH_TOKEN",
    "GITHUB_ACTIONS",
    "GITHUB_WORKSPACE",
    "GITHUB_EVENT_PATH",
    "GITHUB_BASE_REF",
    "GITHUB_OUTPUT",
    "GITHUB_STEP_SUMMARY",
    "GITHUB_API_URL",
    "GITHUB_GRAPHQL_URL",
  ])
    delete env[key];
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Runs `command args` (a Node script when `command` ends in .js) without blocking the event loop. */
export function runAsync(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; uid?: number; gid?: number },
): Promise<RunResult> {
  const [file, argv] =
    command.endsWith(".js") || command.endsWith(".mjs") ? [process.execPath, [command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: options.env ?? testEnv(),
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? HANG_GUARD_MS);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output: stdout + stderr });
    });
  });
}

/** The `wrapup-lint` bin in `cwd`. */
export function lint(args: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<RunResult> {
  return runAsync(BIN, args, { cwd, env: env ?? testEnv() });
}

/** This working tree (tracked and untracked files, not ignored ones) committed in a new repository. */
export function snapshot(): { repo: string; rev: string } {
  const repo = tempDir("wrapup-lint-hook-repo-");
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    const from = path.join(ROOT, file);
    if (!fs.existsSync(from) || !fs.statSync(from).isFile()) continue;
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.copyFileSync(from, path.join(repo, file));
  }
  git(repo, "init", "-q", "-b", "main");
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "snapshot");
  return { repo, rev: git(repo, "rev-parse", "HEAD").trim() };
}
