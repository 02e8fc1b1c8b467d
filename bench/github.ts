/**
 * WU007 benchmark: the real wrap-ups against the fake GitHub on 127.0.0.1 (every link exists;
 * each request answered after a simulated latency), a cold run (empty cache) and a warm run
 * (the cache of the cold one), through markdownlint-cli2 and through remark (unified-engine).
 * Prints one JSON line per run and a summary:
 *
 *   npx vite-node bench/github.ts [--latency MS] [--corpus DIR]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { githubLinkResolves } from "../rules/wu007-github-link-resolves.js";
import { checkFor, checkKey } from "../src/github/checks.js";
import { parseGitHubUrl } from "../src/github/url.js";
import { startFakeGitHub } from "../test/github-server/server.js";
import { runMarkdownlintCli2, runRemarkEngine, type RunResult } from "../test/github-server/runs.js";
import { worldFromModels } from "../test/github-server/world-from-links.js";
import { remarkModel } from "../test/helpers/models.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const latency = Number(option("--latency", "200"));
const corpus = path.resolve(option("--corpus", path.join(here, "../test/wrapups/gardener")));

const names = fs.readdirSync(corpus).filter((f) => /^20\d\d-\d\d\.md$/.test(f)).sort();
const texts = names.map((n) => fs.readFileSync(path.join(corpus, n), "utf8"));
const models = texts.map((t) => remarkModel(t));
const keys = new Set<string>();
for (const model of models) {
  for (const link of model.links) {
    const target = parseGitHubUrl(link.url.trim())?.target;
    const check = target ? checkFor(target) : null;
    if (check) keys.add(checkKey(check));
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-lint-bench-github-"));
names.forEach((n, i) => fs.writeFileSync(path.join(dir, n), texts[i]!));
const github = await startFakeGitHub(worldFromModels(models));
if (latency > 0) github.setFault({ mode: "slow", delayMs: latency });
process.env["GITHUB_API_URL"] = github.apiUrl;
delete process.env["GITHUB_GRAPHQL_URL"];
delete process.env["WRAPUP_LINT_OFFLINE"];

const results: Record<string, unknown>[] = [];
try {
  for (const [linter, runner] of [
    ["markdownlint-cli2", runMarkdownlintCli2],
    ["remark", runRemarkEngine],
  ] as const) {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-lint-bench-cache-"));
    process.env["WRAPUP_LINT_CACHE_DIR"] = cacheDir;
    for (const phase of ["cold", "warm"]) {
      github.requests.length = 0;
      const run: RunResult = await runner(dir, [githubLinkResolves]);
      const line = {
        linter,
        run: phase,
        files: names.length,
        uniqueLinks: keys.size,
        requests: github.requests.length,
        requestsPerLink: Number((github.requests.length / keys.size).toFixed(4)),
        linksPerRequest: github.requests.length ? Number((keys.size / github.requests.length).toFixed(1)) : null,
        ms: Math.round(run.ms),
        findings: run.findings.length,
        latencyMs: latency,
      };
      results.push(line);
      process.stdout.write(JSON.stringify(line) + "\n");
    }
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
} finally {
  await github.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
const cold = results.filter((r) => r["run"] === "cold");
const ok = cold.every((r) => (r["requests"] as number) * 40 <= keys.size) && results.filter((r) => r["run"] === "warm").every((r) => r["requests"] === 0);
process.stdout.write(`WU007: ${keys.size} unique links; cold ≤ 1 request per 40 links and warm 0 requests: ${ok ? "yes" : "NO"}\n`);
if (!ok) process.exitCode = 1;
