/**
 * `wrapup-lint [options] GLOB...`: markdownlint-cli2, preconfigured with the suite. Works with
 * no config file (only the wrap-up rules run); a `.markdownlint-cli2.*` file in the project is
 * honoured as markdownlint-cli2 honours it. Exit 0 clean, 1 findings, 2 usage or config error.
 *
 * Output formats are markdownlint-cli2's formatter packages (default, json, sarif, junit) and
 * GitHub workflow commands (github), written to stdout or to `--output FILE`; wrapup-lint's own
 * messages (errors, notices) go to stderr.
 *
 * Green must mean checked: `node_modules` and what `.gitignore` ignores are left out of globs
 * (unless a glob names node_modules, or the configuration sets `"gitignore": false`), a glob
 * that matches no file is an error (exit 2), and a configuration that turns every rule of the
 * suite off is said once on stderr.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs as parseArgv } from "node:util";
import { WARNING_ANCHOR } from "../core/rule.js";
import { main as markdownlintCli2 } from "markdownlint-cli2";
import type { LintResult, OutputFormatterOptions } from "markdownlint-cli2";
import { FORMATS, report, type Format } from "./formats/index.js";
import { changedMarkdownFiles, GitError, selectedByGlobs } from "./changed-since.js";
import { runInit } from "./commands/init.js";
import { BUNDLED } from "../profile/load.js";
import { runNew } from "./commands/new.js";
import { runStatus } from "./commands/status.js";
import { fixSafeFs } from "./fix-files.js";
import { offlineFromEnv } from "../editor/environment.js";
import { tolerantFs } from "./tolerant-fs.js";

const withFixSafety = (fix: boolean, base: typeof fs): typeof fs => (fix ? fixSafeFs(base) : base);

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, "..", "..", "..");
const rulesModule = path.join(here, "..", "adapters", "markdownlint.js");

export { githubCommands } from "./formats/github.js";

const USAGE = `Usage: wrapup-lint [options] [GLOB...]
       wrapup-lint init [DIR]      learn the house style of the existing wrap-ups (init --help)
       wrapup-lint new [YYYY-MM]   write the next wrap-up from it (new --help)
       wrapup-lint status [GLOB...] what became of each project, from its links (status --help)

Lint Markdown wrap-ups with the wrapup-lint rules (through markdownlint-cli2). The house
conventions come from the nearest .wrapup-lint.jsonc above each file (written by init), else
the bundled Gardener profile.

Options:
  --format NAME          default | json | sarif | junit | github (GitHub workflow commands)
  --output FILE          write the report to FILE instead of the terminal
  --changed-since REF    lint only Markdown files changed since the git revision REF (from its
                         merge base with HEAD, committed or not) and untracked ones; GLOBs, if
                         given, narrow that set
  --offline              no network: GitHub links are checked against the cache only
  --fix                  apply the fixes that are certain, in place
  --config FILE          a markdownlint-cli2 configuration file to use
  --profile FILE         the house conventions for every file (default: the nearest
                         .wrapup-lint.jsonc above each file, else the bundled Gardener
                         profile; a bundled profile's name works too)
  --help                 show this help
  --version              show the version

Globs leave out node_modules (unless a glob names it) and what .gitignore ignores; a file
named on the command line is linted even so. A glob that matches no file is an error.

Environment: WRAPUP_LINT_OFFLINE=1 (as --offline), WRAPUP_LINT_CACHE_DIR (link cache),
GITHUB_TOKEN or GH_TOKEN (GitHub link checks need a token; read access is enough).
Exit status: 0 no findings, 1 findings, 2 usage or configuration error.
Example: wrapup-lint "docs/**/*.md"`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  /** Where progress goes (a terminal's stderr); no progress without it. */
  progress?: { isTTY: boolean; write: (text: string) => void };
  /** How long a run goes on before progress shows (ms). */
  progressAfterMs?: number;
  /** The rules module markdownlint-cli2 loads when no configuration names one (the GitHub Action's bundle has its own). */
  rulesModule?: string | undefined;
}

export class UsageError extends Error {}

/** The configuration files markdownlint-cli2 reads in a directory. */
const CONFIG_FILES = [
  ".markdownlint-cli2.jsonc",
  ".markdownlint-cli2.yaml",
  ".markdownlint-cli2.cjs",
  ".markdownlint-cli2.mjs",
  ".markdownlint.jsonc",
  ".markdownlint.json",
  ".markdownlint.yaml",
  ".markdownlint.yml",
  ".markdownlint.cjs",
  ".markdownlint.mjs",
];

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The markdownlint(-cli2) configuration file in `dir` (its name), or null. */
function configFileIn(dir: string): string | null {
  const name = CONFIG_FILES.find((file) => fs.existsSync(path.join(dir, file)));
  if (name) return name;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Record<string, unknown>;
    return "markdownlint-cli2" in pkg ? "package.json" : null;
  } catch {
    return null;
  }
}

/** What a run without a GitHub token says once, when the files it linted link GitHub. */
export const NO_TOKEN_LINE =
  "GitHub links were not checked (WU007): no token; set GITHUB_TOKEN or GH_TOKEN (read access to public repositories is enough). Until then they are answered from the link cache only, as with --offline";

/**
 * No token for github.com, and links would be asked online. (With GITHUB_API_URL set, a GitHub
 * Enterprise may answer without one: it is asked, and its refusal says the same.)
 */
function tokenMissing(env: NodeJS.ProcessEnv): boolean {
  if (env["GITHUB_TOKEN"] || env["GH_TOKEN"] || env["GITHUB_API_URL"] || env["GITHUB_GRAPHQL_URL"]) return false;
  return !offlineFromEnv(env);
}

/** Whether a glob names node_modules itself (then the user asked for it). */
const NAMES_NODE_MODULES = /(?:^|\/)node_modules(?:\/|$)/;

/**
 * How many times a rule of the suite ran in this process, counted by the markdownlint adapter
 * (on globalThis: the rules a configuration names may be another copy of the package).
 */
function suiteRuns(): number {
  return (
    (globalThis as { [key: symbol]: { count: number } | undefined })[Symbol.for("wrapup-lint.markdownlint-runs")]
      ?.count ?? 0
  );
}

export interface CliOptions {
  format: Format;
  output: string | null;
  offline: boolean;
  changedSince: string | null;
  fix: boolean;
  config: string | null;
  /** A profile file (or a bundled profile's name) for every file of the run. */
  profile: string | null;
  globs: string[];
}

/** Parses argv (node:util's parseArgs); `null` when --help or --version answered already. */
export function parseArgs(argv: string[], io: CliIo): CliOptions | null {
  let parsed;
  try {
    parsed = parseArgv({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
        fix: { type: "boolean" },
        offline: { type: "boolean" },
        format: { type: "string" },
        output: { type: "string", short: "o" },
        "changed-since": { type: "string" },
        profile: { type: "string" },
        config: { type: "string" },
      },
    });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const named = /'(-[^' ]+)/.exec(message)?.[1];
    const option = /--[\w-]+/g.exec(message.split(" <value>")[0]!.split(", ").pop()!)?.[0] ?? named;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && named) throw new UsageError(`unknown option ${named} (see --help)`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option && message.includes("does not take an argument"))
      throw new UsageError(`${option} takes no value (see --help)`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option)
      throw new UsageError(`${option} needs a value (see --help)`);
    throw new UsageError(`${message.split("\n")[0]} (see --help)`);
  }
  const { values } = parsed;
  if (values.help) {
    io.out(USAGE);
    return null;
  }
  if (values.version) {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string };
    io.out(pkg.version);
    return null;
  }
  for (const [name, value] of Object.entries(values)) {
    if (value === "") throw new UsageError(`--${name} needs a value (see --help)`);
  }
  const format = values.format ?? "default";
  if (!(FORMATS as string[]).includes(format))
    throw new UsageError(`--format: unknown format "${format}" (one of ${FORMATS.join(", ")})`);
  const options: CliOptions = {
    format: format as Format,
    output: values.output ?? null,
    offline: values.offline ?? false,
    changedSince: values["changed-since"] ?? null,
    fix: values.fix ?? false,
    config: null,
    profile: null,
    globs: parsed.positionals,
  };
  if (values.profile !== undefined) {
    const profile = values.profile;
    if (!BUNDLED[profile] && !fs.existsSync(path.resolve(io.cwd, profile)))
      throw new UsageError(`--profile: no such file or bundled profile: ${profile}`);
    options.profile = BUNDLED[profile] ? profile : path.resolve(io.cwd, profile);
  }
  if (values.config !== undefined) {
    if (!fs.existsSync(path.resolve(io.cwd, values.config)))
      throw new UsageError(`--config: no such file: ${values.config}`);
    options.config = values.config;
  }
  if (options.globs.length === 0 && options.changedSince === null)
    throw new UsageError("no files given: wrapup-lint GLOB... (see --help)");
  if (options.output !== null) {
    const dir = path.dirname(path.resolve(io.cwd, options.output));
    if (!fs.existsSync(dir)) throw new UsageError(`--output: no such directory: ${path.dirname(options.output)}`);
  }
  return options;
}

type ResolverModule = { githubResolver?: () => { stats: { checks: number } } };

/** The link resolver's module, loaded for its counter (null when the link rule is not built in). */
async function resolverModule(): Promise<ResolverModule | null> {
  try {
    const specifier = "../github/resolver.js";
    return (await import(specifier)) as ResolverModule;
  } catch {
    return null;
  }
}

/**
 * Progress on a terminal, for runs longer than a second: files linted (markdownlint lints 8
 * at a time and reads the next file when one is done) and GitHub links checked.
 */
class Progress {
  private timer: NodeJS.Timeout | null = null;
  private shown = false;
  private resolver: ResolverModule | null = null;
  total: number | null = null;
  started = 0;
  constructor(
    private readonly sink: { write: (text: string) => void },
    afterMs: number,
  ) {
    void resolverModule().then((mod) => (this.resolver = mod));
    this.timer = setTimeout(() => {
      this.timer = setInterval(() => this.draw(), 250);
      this.timer.unref();
      this.draw();
    }, afterMs);
    this.timer.unref();
  }
  private draw(): void {
    const done = Math.max(0, this.started - 8);
    const files = this.total === null ? `${done} files` : `${Math.min(this.total, done)}/${this.total} files`;
    const links = this.resolver?.githubResolver?.().stats.checks ?? 0;
    this.sink.write(`\r\x1b[2Kwrapup-lint: ${files}${links > 0 ? `, ${links} links checked` : ""}`);
    this.shown = true;
  }
  stop(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      clearInterval(this.timer);
    }
    this.timer = null;
    if (this.shown) this.sink.write("\r\x1b[2K");
  }
}

/**
 * A node fs whose callback `readFile` calls (markdownlint's reads of the files it lints) are
 * counted, and whose texts `onText` sees.
 */
function countingFs(onRead: (file: string) => void, onText: (text: string) => void = () => undefined): typeof fs {
  const readFile = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (typeof file === "string") onRead(file);
    const callback = rest[rest.length - 1];
    if (typeof callback === "function") {
      rest[rest.length - 1] = (error: unknown, data: unknown) => {
        if (!error && (typeof data === "string" || Buffer.isBuffer(data))) onText(String(data));
        (callback as (e: unknown, d: unknown) => void)(error, data);
      };
    }
    return (fs.readFile as (...args: unknown[]) => void)(file, ...rest);
  }) as typeof fs.readFile;
  return { ...fs, readFile };
}

export interface LintOutcome {
  /** markdownlint-cli2's exit code: 1 when an error-severity finding was reported. */
  code: number;
  /** The files linted, relative to the directory. */
  files: string[];
  results: LintResult[];
  /** What output formatters are given (for a report in any format). */
  formatterOptions: OutputFormatterOptions;
}

/** Lints what `options` select; a bad option or configuration is a UsageError. */
export async function lintSelected(options: CliOptions, io: CliIo): Promise<LintOutcome> {
  // The link rule reads the environment when it first resolves a link, after this.
  if (options.offline) process.env["WRAPUP_LINT_OFFLINE"] = "1";
  // The rules find the document's profile when they run; --profile names one for all.
  if (options.profile) process.env["WRAPUP_LINT_PROFILE"] = options.profile;
  // GitHub's GraphQL API answers nothing without a token: rather than ask in vain, the links are
  // answered from the link cache, and the run says once, on stderr, what to set.
  const noToken = tokenMissing(process.env);
  if (noToken) process.env["WRAPUP_LINT_OFFLINE"] = "1";
  let githubLinks = false;
  let targets = options.globs;
  if (options.changedSince !== null) {
    let changed: string[];
    try {
      changed = changedMarkdownFiles(io.cwd, options.changedSince);
    } catch (error) {
      if (error instanceof GitError) throw new UsageError(`--changed-since: ${error.message}`);
      throw error;
    }
    if (options.globs.length > 0) changed = changed.filter((file) => selectedByGlobs(file, options.globs));
    targets = changed.map((file) => `:${file}`);
  } else {
    // A file given by name is that file, even when its name looks like a glob (pre-commit and
    // lint-staged pass file names).
    targets = options.globs.map((glob) => (isFile(path.resolve(io.cwd, glob)) ? `:${glob}` : glob));
  }
  // node_modules is not the user's documentation: left out unless a glob names it.
  const globbing = options.changedSince === null && targets.some((t) => !t.startsWith(":"));
  if (globbing && !options.globs.some((g) => !g.startsWith("#") && !g.startsWith("!") && NAMES_NODE_MODULES.test(g))) {
    targets = [...targets, "#**/node_modules"];
  }
  // A project's own markdownlint configuration governs which rules run and how; without one,
  // the suite alone runs. The suite's rules are loaded either way, unless the configuration
  // names its own custom rules (then it names wrapup-lint/markdownlint there, as the README says).
  const configFile = options.config ?? configFileIn(io.cwd);
  const configured = configFile !== null;
  // markdownlint-cli2 turns an exception in a rule (a bad option) into a finding on every file;
  // that is a configuration error: one line, exit 2.
  const configErrors = new Set<string>();
  const logError = (line: string): void => {
    const thrown = /This rule threw an exception: (.*?)\]?$/.exec(line);
    if (thrown) configErrors.add(thrown[1]!.replace(/\]$/, ""));
    else io.err(line);
  };
  const progress = io.progress?.isTTY ? new Progress(io.progress, io.progressAfterMs ?? 1000) : null;
  const linted: string[] = targets.filter((t) => t.startsWith(":")).map((t) => t.slice(1));
  // How many files markdownlint-cli2 found: its "Linting: N files" line, or else the files it read.
  let found: number | null = null;
  const read = new Set<string>();
  const logMessage = (line: string): void => {
    const count = /^Linting: (\d+) files?$/.exec(line);
    if (count) found = Number(count[1]);
    if (count && progress) progress.total = Number(count[1]);
    // Banner and summary belong to the default report; machine formats stay parseable.
    if (options.format === "default") io.out(line);
  };
  let captured: { results: LintResult[]; options: OutputFormatterOptions } | null = null;
  const capture = (formatterOptions: OutputFormatterOptions): void => {
    captured = { results: formatterOptions.results, options: formatterOptions };
  };
  // Changed files, or files named one by one, are the whole list: no globs from the configuration.
  const noGlobs = options.changedSince !== null || (targets.length > 0 && targets.every((t) => t.startsWith(":")));
  let code = 0;
  const runsBefore = suiteRuns();
  // Files that could not be read: named on stderr, exit 2, the other files' findings kept.
  const unreadable = new Map<string, string>();
  try {
    if (targets.length === 0) {
      if (options.format === "default") io.out("wrapup-lint: no changed Markdown files");
      captured = {
        results: [],
        options: {
          directory: io.cwd,
          results: [],
          logMessage: io.out,
          logError: io.err,
        } as unknown as OutputFormatterOptions,
      };
    } else {
      code = await markdownlintCli2({
        directory: io.cwd,
        argv: [
          ...(options.fix ? ["--fix"] : []),
          ...(options.config ? ["--config", options.config] : []),
          ...(noGlobs ? ["--"] : []),
          ...targets,
        ],
        logMessage,
        logError,
        noGlobs,
        // --fix: keep line endings and BOM, write only changed files, atomically (src/cli/fix-files.ts).
        fs: tolerantFs(
          withFixSafety(
            options.fix,
            countingFs(
              (file) => {
                read.add(file);
                if (progress) progress.started++;
              },
              (text) => {
                if (noToken && !githubLinks && /github\.com/i.test(text)) githubLinks = true;
              },
            ),
          ),
          unreadable,
        ),
        optionsDefault: {
          ...(configured ? {} : { config: { default: false, wrapup: true } }),
          customRules: [io.rulesModule ?? rulesModule],
          // What .gitignore ignores is not linted by a glob (a configuration may say otherwise);
          // files named one by one are linted whatever .gitignore says.
          ...(globbing ? { gitignore: true } : {}),
        },
        optionsOverride: { outputFormatters: [[capture]] },
      } as Parameters<typeof markdownlintCli2>[0]);
    }
  } finally {
    progress?.stop();
  }
  const filesFound = found ?? read.size;
  if (targets.length > 0 && filesFound === 0 && unreadable.size === 0) {
    const asked = options.globs.filter((g) => !g.startsWith("#") && !g.startsWith("!"));
    throw new UsageError(
      `no file matches ${asked.map((g) => JSON.stringify(g)).join(" ")}${options.changedSince !== null ? ` among the files changed since ${options.changedSince}` : ""} (node_modules and what .gitignore ignores are left out)`,
    );
  }
  const result = captured as { results: LintResult[]; options: OutputFormatterOptions } | null;
  for (const finding of result?.results ?? []) {
    const thrown = /^This rule threw an exception: (.*)$/s.exec(finding.errorDetail ?? "");
    if (thrown) configErrors.add(thrown[1]!.split("\n")[0]!);
  }
  if (configErrors.size > 0) throw new UsageError([...configErrors][0]!);
  // Files were linted, and not one rule of the suite ran on any: the configuration turned the
  // suite off (or does not load it). A green run that checked nothing is said, once.
  if (filesFound > 0 && suiteRuns() === runsBefore) {
    const where = configFile ?? "the configuration";
    io.err(
      `wrapup-lint: no wrapup-lint rule ran: ${where} turns them all off; add "wrapup": true to its rules (and keep "wrapup-lint/markdownlint" in "customRules")`,
    );
  }
  // Findings the rule rates warnings (markdownlint carries no severity per finding; the rule's
  // doc link marks them) are warnings here: they do not fail the run.
  for (const finding of result?.results ?? []) {
    if (finding.ruleInformation?.endsWith(WARNING_ANCHOR)) (finding as { severity: string }).severity = "warning";
  }
  if (code === 1 && result && !result.results.some((r) => r.severity !== "warning")) code = 0;
  if (noToken && githubLinks) io.err(`wrapup-lint: ${NO_TOKEN_LINE}`);
  for (const [file, reason] of unreadable) io.err(`wrapup-lint: cannot read ${path.relative(io.cwd, file)}: ${reason}`);
  if (unreadable.size > 0) code = 2;
  const formatterOptions =
    result?.options ??
    ({ directory: io.cwd, results: [], logMessage: io.out, logError: io.err } as unknown as OutputFormatterOptions);
  return { code, files: linted, results: result?.results ?? [], formatterOptions };
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  // Subcommands: learn the house style, write the next wrap-up.
  if (argv[0] === "init") return runInit(argv.slice(1), io);
  if (argv[0] === "new") return runNew(argv.slice(1), io);
  if (argv[0] === "status") return runStatus(argv.slice(1), io);
  const options = parseArgs(argv, io);
  if (options === null) return 0;
  const outcome = await lintSelected(options, io);
  await report(
    options.format,
    { results: outcome.results, options: outcome.formatterOptions, githubPrefix: githubPrefix(io.cwd) },
    options.output,
    io.cwd,
    io.out,
  );
  return outcome.code;
}

/** Workflow-command paths are relative to the repository (GITHUB_WORKSPACE), not to the lint directory. */
export function githubPrefix(cwd: string): string {
  const workspace = process.env["GITHUB_WORKSPACE"];
  if (!workspace) return "";
  const relative = path.relative(path.resolve(workspace), path.resolve(cwd));
  return relative.startsWith("..") || path.isAbsolute(relative) ? "" : relative.split(path.sep).join("/");
}

export async function cli(argv: string[]): Promise<number> {
  const io: CliIo = {
    out: (line) => process.stdout.write(line + "\n"),
    err: (line) => process.stderr.write(line + "\n"),
    cwd: process.cwd(),
    progress: { isTTY: Boolean(process.stderr.isTTY), write: (text) => process.stderr.write(text) },
  };
  try {
    return await run(argv, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`wrapup-lint: ${message.split("\n")[0]}`);
    return 2;
  }
}
