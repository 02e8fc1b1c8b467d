/**
 * WU007 benchmark: a wrap-up history (every real wrap-up in many versions, with links broken on
 * purpose and links GitHub redirects; test/github-server/history.ts) against the fake GitHub on
 * 127.0.0.1 (each request answered after a simulated latency), linted cold (empty cache) and
 * warm (the cold run's cache) by the markdownlint-cli2 CLI, the remark-cli CLI and a program that
 * lints one file after another through the unified API, each run a process of its own. Prints
 * one JSON line per run and whether the requests stay within ⌈targets / 40⌉ + 2 cold (both
 * CLIs) and 0 warm (all three). dist/ must be built (`npm run build`).
 *
 *   npx vite-node bench/github.ts [--latency MS] [--versions N]
 */
import fs from "node:fs";
import { buildHistory } from "../test/github-server/history.js";
import { cliProject, runCli, type CliName } from "../test/github-server/cli-runs.js";
import { startFakeGitHub } from "../test/github-server/server.js";
import { tempDir } from "../test/helpers/integration.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const latency = Number(option("--latency", "200"));
const versions = Number(option("--versions", "14"));

const history = buildHistory({ versions });
const files = Object.keys(history.files).length;
const bound = Math.ceil(history.targets / 40) + 2;
const dir = cliProject(history.files);
const github = await startFakeGitHub(history.world);
if (latency > 0) github.setFault({ mode: "slow", delayMs: latency });

const results: Record<string, unknown>[] = [];
try {
  for (const name of ["markdownlint-cli2", "remark-cli", "one-by-one"] as CliName[]) {
    const cache = tempDir("wrapup-lint-bench-cache-");
    for (const phase of ["cold", "warm"]) {
      github.requests.length = 0;
      const start = performance.now();
      const run = await runCli(name, dir, { GITHUB_API_URL: github.apiUrl, WRAPUP_LINT_CACHE_DIR: cache });
      const line = {
        linter: name,
        run: phase,
        files,
        candidates: history.candidates,
        targets: history.targets,
        requests: github.requests.length,
        graphql: github.requests.filter((r) => r.path.endsWith("/graphql")).length,
        bound: name === "one-by-one" && phase === "cold" ? null : phase === "cold" ? bound : 0,
        targetsPerRequest: github.requests.length
          ? Number((history.targets / github.requests.length).toFixed(1))
          : null,
        findings: run.findings.length,
        expected: history.expected.length,
        ms: Math.round(performance.now() - start),
        latencyMs: latency,
      };
      results.push(line);
      process.stdout.write(JSON.stringify(line) + "\n");
    }
    fs.rmSync(cache, { recursive: true, force: true });
  }
} finally {
  await github.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
const ok =
  results.every((r) => r["bound"] === null || (r["requests"] as number) <= (r["bound"] as number)) &&
  results.every((r) => r["findings"] === r["expected"]);
process.stdout.write(
  `WU007: ${files} files, ${history.targets} targets; cold ≤ ${bound} requests through both CLIs, warm 0 through all three, every finding: ${ok ? "yes" : "NO"}\n`,
);
if (!ok) process.exitCode = 1;
