/**
 * WU007 as users run it, each run a process of its own: the markdownlint-cli2 CLI and the
 * remark-cli CLI over a folder of Markdown files, and a program that lints one file after
 * another through the unified API (as an editor or a script does). Only WU007 is enabled; the
 * project depends on wrapup-lint (a link to this working tree, so dist/ must be built). The
 * findings come back as JSON (markdownlint-cli2's JSON formatter, a JSON reporter for
 * remark-cli, the program's own output), with the warning/error split each linter gives.
 */
import fs from "node:fs";
import path from "node:path";
import { project, ROOT, runAsync, testEnv, type RunResult } from "../helpers/integration.js";

export interface CliFinding {
  file: string;
  line: number;
  message: string;
  /** markdownlint: the finding links to the rule's #warnings section; remark: always null (remark has no per-message severity of its own). */
  warning: boolean | null;
  fixable: boolean;
}

export interface CliRun {
  findings: CliFinding[];
  result: RunResult;
}

export type CliName = "markdownlint-cli2" | "remark-cli" | "one-by-one";

const OTHER_RULES_OFF = `import preset, { plugins } from "wrapup-lint/remark";
const off = Object.keys(plugins).filter((name) => name !== "wrapup-github-link-resolves").map((name) => [plugins[name], false]);
export default { plugins: [preset, ...off] };
`;

/** remark-cli's report as JSON: path, line, reason, rule and whether a fix is given. */
const JSON_REPORTER = `export default function report(files) {
  return JSON.stringify(files.map((f) => ({ path: f.path, messages: f.messages.map((m) => ({ line: m.line, reason: m.reason, ruleId: m.ruleId, source: m.source, fatal: m.fatal, expected: m.expected ?? null })) })));
}
`;

const mod = (p: string): string => JSON.stringify(path.join(ROOT, "node_modules", p));

/** Lints the files named on the command line, one after another, each awaited before the next. */
const ONE_BY_ONE = `import fs from "node:fs/promises";
import { unified } from ${mod("unified/index.js")};
import remarkParse from ${mod("remark-parse/index.js")};
import remarkStringify from ${mod("remark-stringify/index.js")};
import { VFile } from ${mod("vfile/index.js")};
import config from "./.remarkrc.mjs";
const processor = unified().use(remarkParse).use(remarkStringify).use(config.plugins);
const out = [];
for (const name of process.argv.slice(2)) {
  const file = new VFile({ path: name, value: await fs.readFile(name, "utf8") });
  await processor.process(file);
  out.push({ path: name, messages: file.messages.map((m) => ({ line: m.line, reason: m.reason, ruleId: m.ruleId, source: m.source, fatal: m.fatal, expected: m.expected ?? null })) });
}
await fs.writeFile("one-by-one.json", JSON.stringify(out));
`;

/** A project holding `files` under docs/, set up for the three ways to run. */
export function cliProject(files: Record<string, string>, dir?: string): string {
  const config = {
    config: { default: false, WU007: true },
    customRules: ["wrapup-lint/markdownlint"],
    outputFormatters: [
      [
        path.join(ROOT, "node_modules", "markdownlint-cli2-formatter-json", "markdownlint-cli2-formatter-json.js"),
        { name: "markdownlint.json", spaces: 0 },
      ],
    ],
  };
  return project(
    {
      ...Object.fromEntries(Object.entries(files).map(([name, text]) => [`docs/${name}`, text])),
      ".markdownlint-cli2.jsonc": JSON.stringify(config),
      ".remarkrc.mjs": OTHER_RULES_OFF,
      "json-reporter.mjs": JSON_REPORTER,
      "one-by-one.mjs": ONE_BY_ONE,
    },
    dir,
  );
}

interface Reported {
  path: string;
  messages: {
    line: number | null;
    reason: string;
    ruleId: string | null;
    source: string | null;
    fatal: boolean | null;
    expected: string[] | null;
  }[];
}

function fromUnified(reported: Reported[], dir: string): CliFinding[] {
  const findings: CliFinding[] = [];
  for (const file of reported) {
    for (const m of file.messages) {
      if (m.ruleId !== "wrapup-github-link-resolves")
        throw new Error(`${file.path}: ${m.reason} (${m.source}:${m.ruleId})`);
      findings.push({
        file: path.basename(path.resolve(dir, file.path)),
        line: m.line ?? 0,
        message: m.reason,
        warning: null,
        fixable: (m.expected ?? []).length > 0,
      });
    }
  }
  return sort(findings);
}

function sort(findings: CliFinding[]): CliFinding[] {
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message));
}

/** Runs one of the three over docs/ of `dir`, with `env` added to the test environment. */
export async function runCli(name: CliName, dir: string, env: Record<string, string | undefined>): Promise<CliRun> {
  const environment = testEnv({ WRAPUP_LINT_OFFLINE: "0", ...env });
  const timeoutMs = 180_000;
  if (name === "markdownlint-cli2") {
    const out = path.join(dir, "markdownlint.json");
    fs.rmSync(out, { force: true });
    const result = await runAsync(
      path.join(ROOT, "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs"),
      ["docs/*.md"],
      { cwd: dir, env: environment, timeoutMs },
    );
    if (!fs.existsSync(out)) throw new Error(`markdownlint-cli2 wrote no results: ${result.output}`);
    const results = JSON.parse(fs.readFileSync(out, "utf8")) as {
      fileName: string;
      lineNumber: number;
      ruleNames: string[];
      errorDetail: string | null;
      ruleInformation: string | null;
      fixInfo: unknown;
    }[];
    const findings = results.map((r) => {
      if (!r.ruleNames.includes("WU007"))
        throw new Error(`${r.fileName}:${r.lineNumber}: ${r.ruleNames.join("/")} ${r.errorDetail}`);
      return {
        file: path.basename(r.fileName),
        line: r.lineNumber,
        message: r.errorDetail ?? "",
        warning: (r.ruleInformation ?? "").endsWith("#warnings"),
        fixable: r.fixInfo != null,
      };
    });
    return { findings: sort(findings), result };
  }
  if (name === "remark-cli") {
    const result = await runAsync(
      path.join(ROOT, "node_modules", "remark-cli", "cli.js"),
      ["docs", "--ext", "md", "--no-stdout", "--no-color", "--report", "./json-reporter.mjs"],
      { cwd: dir, env: environment, timeoutMs },
    );
    const json = result.stderr
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("["))
      .pop();
    if (!json) throw new Error(`remark-cli printed no report: ${result.output}`);
    return { findings: fromUnified(JSON.parse(json) as Reported[], dir), result };
  }
  const names = fs
    .readdirSync(path.join(dir, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`);
  const out = path.join(dir, "one-by-one.json");
  fs.rmSync(out, { force: true });
  const result = await runAsync(path.join(dir, "one-by-one.mjs"), names, { cwd: dir, env: environment, timeoutMs });
  if (!fs.existsSync(out)) throw new Error(`the one-by-one program wrote no results: ${result.output}`);
  return { findings: fromUnified(JSON.parse(fs.readFileSync(out, "utf8")) as Reported[], dir), result };
}
