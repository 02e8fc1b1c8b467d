/**
 * One lint run over a directory of Markdown files, as users run them: markdownlint-cli2's
 * `main` (its asynchronous custom rule path) and unified-engine (remark-cli's engine), with
 * chosen wrap-up rules only. Each run starts with a fresh process-level GitHub resolver, as a new
 * process would; what carries over between runs is the disk cache.
 */
import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { main as markdownlintCli2 } from "markdownlint-cli2";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { engine } from "unified-engine";
import { toMarkdownlintRule } from "../../src/adapters/markdownlint.js";
import { toRemarkRule } from "../../src/adapters/remark.js";
import { githubResolver, resetGitHubResolver, type ResolverStats } from "../../src/github/resolver.js";
import type { Finding, WrapupRule } from "../../src/core/rule.js";

export interface RunFinding {
  file: string;
  line: number;
  message: string;
  /** The fix as markdownlint or remark expresses it, if any. */
  fixed: boolean;
  /** markdownlint: the finding links to its rule's #warnings section; remark: null (no severity per message). */
  warning: boolean | null;
}

export interface RunResult {
  findings: RunFinding[];
  ms: number;
  stats: ResolverStats;
  /** Everything the linter printed (logs, errors). */
  output: string;
}

type AnyRule = WrapupRule<any, Finding[] | Promise<Finding[]>>;

export async function runMarkdownlintCli2(
  dir: string,
  rules: AnyRule[],
  config: Record<string, unknown> = {},
): Promise<RunResult> {
  resetGitHubResolver();
  const findings: RunFinding[] = [];
  let output = "";
  const start = performance.now();
  await markdownlintCli2({
    directory: dir,
    argv: ["**/*.md"],
    optionsOverride: {
      config: { default: false, ...Object.fromEntries(rules.map((r) => [r.code, config[r.code] ?? true])) },
      customRules: rules.map(toMarkdownlintRule),
      outputFormatters: [
        [
          ({
            results,
          }: {
            results: {
              fileName: string;
              lineNumber: number;
              errorDetail: string | null;
              fixInfo: unknown;
              ruleInformation: string | null;
            }[];
          }) => {
            for (const r of results) {
              findings.push({
                file: r.fileName,
                line: r.lineNumber,
                message: r.errorDetail ?? "",
                fixed: r.fixInfo != null,
                warning: (r.ruleInformation ?? "").endsWith("#warnings"),
              });
            }
          },
        ],
      ],
    },
    logMessage: (m: string) => {
      output += `${m}\n`;
    },
    logError: (m: string) => {
      output += `${m}\n`;
    },
  });
  const ms = performance.now() - start;
  return { findings: sortRun(findings), ms, stats: githubResolver().stats, output };
}

export async function runRemarkEngine(
  dir: string,
  rules: AnyRule[],
  config: Record<string, unknown> = {},
): Promise<RunResult> {
  resetGitHubResolver();
  const names = new Set(rules.map((r) => r.name));
  const start = performance.now();
  const sink = new PassThrough();
  let output = "";
  sink.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const context = await new Promise<{ files: import("vfile").VFile[] }>((resolve, reject) => {
    engine(
      {
        processor: unified().use(remarkParse).use(remarkStringify),
        cwd: dir,
        files: ["."],
        extensions: ["md"],
        plugins: [
          [remarkFrontmatter, ["yaml", "toml"]],
          remarkGfm,
          ...rules.map((r) => [toRemarkRule(r), config[r.code]]),
        ] as import("unified-engine").Options["plugins"],
        ignoreName: ".remarkignore",
        rcName: ".remarkrc",
        packageField: "remarkConfig",
        detectConfig: false,
        out: false,
        output: false,
        quiet: true,
        color: false,
        streamError: sink,
        streamOut: sink,
      },
      (error, _code, ctx) => (error ? reject(error) : resolve(ctx as unknown as { files: import("vfile").VFile[] })),
    );
  });
  const findings: RunFinding[] = [];
  for (const file of context.files) {
    for (const m of file.messages) {
      if (!names.has(m.ruleId ?? "")) {
        output += `${file.path}: ${m.reason}\n`;
        continue;
      }
      findings.push({
        file: file.path.replace(/^\.\//, ""),
        line: m.line ?? 0,
        message: m.reason,
        fixed: Array.isArray(m.expected) && m.expected.length > 0,
        warning: null,
      });
    }
  }
  const ms = performance.now() - start;
  return { findings: sortRun(findings), ms, stats: githubResolver().stats, output };
}

function sortRun(findings: RunFinding[]): RunFinding[] {
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message));
}

/** Where `token` shows: in a run's output or a finding's message, or in a file of the link cache (none, as it should). */
export function whereToken(token: string, cacheDir: string, runs: RunResult[]): string[] {
  const found: string[] = [];
  runs.forEach((run, i) => {
    if (run.output.includes(token)) found.push(`run ${i + 1}: output`);
    for (const f of run.findings) if (f.message.includes(token)) found.push(`run ${i + 1}: ${f.message}`);
  });
  for (const f of fs.readdirSync(cacheDir))
    if (fs.readFileSync(path.join(cacheDir, f), "utf8").includes(token)) found.push(`cache: ${f}`);
  return found;
}
