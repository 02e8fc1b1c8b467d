// npm run bench [-- --rounds N] [-- --corpus DIR] [-- --latency-iterations N] [-- --instructions]
//                [-- --before DIR]
//
// What the suite costs beyond the parse, on a real docs tree, in one run:
// - markdownlint-cli2 with a no-op micromark rule (the parse floor) against markdownlint-cli2
//   with the suite; remark (parse + front matter + GFM) against remark with the preset;
//   each run a fresh process (its own peak memory), the four kinds alternating round by round
//   so that a busy machine slows them alike; medians, and the median of each round's ratio;
//   peak RSS, and (from --trace-gc) the largest heap left after a full collection;
// - editor latency: one 350-line wrap-up linted in a warm process, suite against floor;
// - the suite's own time in one process (model and each rule timed), against the parse there.
// The GitHub rule runs offline (WRAPUP_LINT_OFFLINE=1): it answers from its cache only.
// --before DIR: another checkout of the suite, built (`npm run build` there), measured in the
// same run: its suite runs join the rotation (through its own bench scripts), and each table
// gets a "before" row, so that a change is judged against the same machine at the same time.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./common.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1];
};
const rounds = Number(option("rounds", 5));
const corpus = path.resolve(option("corpus", path.join(root, "..", "shared", "corpus", "gardener-docs")));
const latencyIterations = Number(option("latency-iterations", 300));
const latencyFile = path.resolve(option("wrapup", path.join(corpus, "community", "hackathons", "2025-06.md")));
// Instruction counts under valgrind (bench/instructions.js): steady on a busy machine, ~20 min.
const instructions = args.includes("--instructions");
const before = option("before", null) === null ? null : path.resolve(option("before"));

if (!fs.existsSync(path.join(root, "dist", "src", "adapters", "markdownlint.js"))) {
  console.error("bench: dist/ is missing; run `npm run build` first");
  process.exit(2);
}
if (before && !fs.existsSync(path.join(before, "dist", "src", "adapters", "markdownlint.js"))) {
  console.error(`bench: --before ${before} has no dist/; run \`npm run build\` there first`);
  process.exit(2);
}
if (!fs.existsSync(corpus)) {
  console.error(`bench: no corpus at ${corpus} (--corpus DIR)`);
  process.exit(2);
}

const env = { ...process.env, WRAPUP_LINT_OFFLINE: "1" };

/** One bench script in a fresh process; `dir` is the checkout whose bench/ (and so whose dist/) runs. */
function child(script, childArgs, nodeArgs = [], dir = root) {
  const result = spawnSync(process.execPath, [...nodeArgs, path.join(dir, "bench", script), ...childArgs], {
    cwd: dir,
    env,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) {
    console.error(`bench: ${script} ${childArgs.join(" ")} failed (${result.status})\n${result.stderr}`);
    process.exit(1);
  }
  const lines = result.stdout.trim().split("\n");
  const out = lines.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line));
  // With --trace-gc: the largest heap left after a full collection (`Mark-Compact a (b) -> c (d) MB`),
  // what the run really holds, apart from the garbage V8 lets pile up by its timings.
  const live = lines
    .filter((line) => line.includes("Mark-Compact"))
    .map((line) => Number(/-> ([\d.]+) \(/.exec(line)?.[1] ?? NaN))
    .filter(Number.isFinite);
  if (nodeArgs.includes("--trace-gc")) for (const o of out) o.liveHeapMb = live.length > 0 ? Math.max(...live) : null;
  return out;
}

const machine = `${os.cpus().length} logical CPUs (nproc ${os.availableParallelism()}), ${os.cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, ${os.platform()} ${os.release()}`;
const loadBefore = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(" ");
console.log(`wrapup-lint bench: ${corpus}`);
console.log(`machine: ${machine}`);
console.log(`load average at start: ${loadBefore}`);
if (before) console.log(`before: ${before}`);

// A mode ending in "@before" is the same run of the --before checkout.
const MODES = [
  "mdl-floor",
  "mdl-suite",
  "remark-floor",
  "remark-suite",
  ...(before ? ["mdl-suite@before", "remark-suite@before"] : []),
];
const runMode = (mode, nodeArgs) => {
  const [name, at] = mode.split("@");
  return child("child.js", [name, corpus], nodeArgs, at ? before : root);
};
const runs = Object.fromEntries(MODES.map((m) => [m, []]));
// One untimed pass warms the file cache and the module cache on disk.
for (const mode of MODES) runMode(mode);
for (let round = 0; round < rounds; round++) {
  // Rotate the order each round: floor first, then suite first, and the linters in turn.
  let order =
    round % 2
      ? ["mdl-suite", "remark-floor", "mdl-floor", "remark-suite"]
      : ["mdl-floor", "remark-suite", "mdl-suite", "remark-floor"];
  // The before runs go next to the after runs of the same linter, first one, then the other.
  if (before)
    order = order.flatMap((m) => (m.endsWith("-suite") ? (round % 2 ? [m, `${m}@before`] : [`${m}@before`, m]) : [m]));
  for (const mode of order) {
    const [result] = runMode(mode, ["--trace-gc"]);
    runs[mode].push(result);
    const main = result.mainCpuMs === null ? "" : `  main thread ${(result.mainCpuMs / 1000).toFixed(2)} s`;
    process.stderr.write(
      `  round ${round + 1}/${rounds} ${mode.padEnd(12)} wall ${(result.ms / 1000).toFixed(2)} s  CPU ${(result.cpuMs / 1000).toFixed(2)} s${main}  ${(result.maxRssKb / 1024).toFixed(0)} MB${result.liveHeapMb ? `  live ${result.liveHeapMb.toFixed(1)} MB` : ""}\n`,
    );
  }
}

const files = runs["mdl-floor"][0].files;
const pct = (x) => `${((x - 1) * 100).toFixed(1)} %`;
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const timeRows = [];
const memoryRows = [];
const summary = {};
for (const [linter, floorMode, suiteMode, target] of [
  ["markdownlint-cli2", "mdl-floor", "mdl-suite", 1.05],
  ...(before ? [["markdownlint-cli2, before", "mdl-floor", "mdl-suite@before", 1.05]] : []),
  ["remark", "remark-floor", "remark-suite", 1.1],
  ...(before ? [["remark, before", "remark-floor", "remark-suite@before", 1.1]] : []),
]) {
  const floor = runs[floorMode];
  const suite = runs[suiteMode];
  const s = { target };
  for (const measure of ["cpuMs", "mainCpuMs", "ms"]) {
    if (floor.some((r) => r[measure] === null || r[measure] === undefined)) continue;
    const f = median(floor.map((r) => r[measure]));
    const u = median(suite.map((r) => r[measure]));
    // best: the least disturbed run of each kind (a busy machine only ever adds time).
    const best = Math.min(...suite.map((r) => r[measure])) / Math.min(...floor.map((r) => r[measure]));
    s[measure] = {
      floor: f,
      suite: u,
      ratio: u / f,
      paired: median(floor.map((r, i) => suite[i][measure] / r[measure])),
      best,
    };
  }
  s.floorRss = median(floor.map((r) => r.maxRssKb));
  s.suiteRss = median(suite.map((r) => r.maxRssKb));
  s.memoryRatio = s.suiteRss / s.floorRss;
  const lives = (runs) => runs.map((r) => r.liveHeapMb).filter((v) => v !== null && v !== undefined);
  s.floorLive = lives(floor).length > 0 ? median(lives(floor)) : null;
  s.suiteLive = lives(suite).length > 0 ? median(lives(suite)) : null;
  s.findings = suite[0].findings;
  summary[linter] = s;
  const verdict = (ok) => (ok ? "ok" : "MISSED");
  timeRows.push(
    `| ${linter} | ${seconds(s.cpuMs.floor)} | ${seconds(s.cpuMs.suite)} | **${s.cpuMs.ratio.toFixed(3)}** (paired ${s.cpuMs.paired.toFixed(3)}, best ${s.cpuMs.best.toFixed(3)}) | ${s.mainCpuMs ? `${seconds(s.mainCpuMs.floor)} → ${seconds(s.mainCpuMs.suite)}: **${s.mainCpuMs.ratio.toFixed(3)}** (paired ${s.mainCpuMs.paired.toFixed(3)}, best ${s.mainCpuMs.best.toFixed(3)})` : "n/a"} | ${seconds(s.ms.floor)} → ${seconds(s.ms.suite)}: ${s.ms.ratio.toFixed(3)} (paired ${s.ms.paired.toFixed(3)}) | ≤ ${target.toFixed(2)} ${verdict(s.cpuMs.ratio <= target)} |`,
  );
  const live =
    s.floorLive && s.suiteLive
      ? `${s.floorLive.toFixed(1)} → ${s.suiteLive.toFixed(1)} MB: ${(s.suiteLive / s.floorLive).toFixed(2)}`
      : "n/a";
  memoryRows.push(
    `| ${linter} | ${(s.floorRss / 1024).toFixed(0)} MB | ${(s.suiteRss / 1024).toFixed(0)} MB | **${s.memoryRatio.toFixed(2)}** | ${live} | ≤ 1.20 ${verdict(s.memoryRatio <= 1.2)} |`,
  );
}

const latency = child("latency.js", [latencyFile, String(latencyIterations)]);
const [inprocess] = child("inprocess.js", [corpus, "5"]);
const latencyBefore = before ? child("latency.js", [latencyFile, String(latencyIterations)], [], before) : [];
const [inprocessBefore] = before ? child("inprocess.js", [corpus, "5"], [], before) : [];
const loadAfter = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(" ");

console.log("");
console.log(
  `${files} files, ${rounds} alternating rounds of each kind, medians. CPU time is user + system time of the`,
);
console.log(
  `linting process (the measure on a shared machine); wall time shown too. "paired": median of each round's ratio;`,
);
console.log(`"best": fastest suite run over fastest floor run.`);
console.log("");
console.log(
  "| linter | floor CPU | suite CPU | suite/floor CPU | main thread CPU, suite/floor | wall time, suite/floor | target |",
);
console.log("|---|---|---|---|---|---|---|");
for (const row of timeRows) console.log(row);
console.log("");
console.log(
  "| linter | floor peak RSS | suite peak RSS | suite/floor | live heap after full GC (max), suite/floor | target |",
);
console.log("|---|---|---|---|---|---|");
for (const row of memoryRows) console.log(row);
console.log("");
console.log(
  `Editor latency: ${path.basename(latencyFile)} (${latency[0].lines} lines) linted again and again in a warm process, ${latencyIterations} interleaved runs, medians`,
);
console.log("");
console.log("| linter | floor (wall) | suite (wall) | added, wall | added, CPU | target |");
console.log("|---|---|---|---|---|---|");
for (const l of [...latency, ...latencyBefore.map((l) => ({ ...l, linter: `${l.linter}, before` }))]) {
  console.log(
    `| ${l.linter} | ${l.floorMs.toFixed(2)} ms | ${l.suiteMs.toFixed(2)} ms | ${l.addedMs.toFixed(2)} ms | **${l.addedCpuMs.toFixed(2)} ms** | ≤ 2 ms ${l.addedCpuMs <= 2 ? "ok" : "MISSED"} |`,
  );
}
console.log("");
console.log(
  `The suite's own time, in one process (markdownlint over the corpus, minimum of ${inprocess.rounds} alternating passes):`,
);
console.log(
  `parse ${seconds(inprocess.parseMs)}; model and rules ${inprocess.oursMs.toFixed(0)} ms = **${inprocess.oursRatio.toFixed(3)}** × the parse (target ≤ 1.05 ${inprocess.oursRatio <= 1.05 ? "ok" : "MISSED"}); whole pass with the suite ${inprocess.ratio.toFixed(3)} × the parse (process CPU ${inprocess.cpuRatio.toFixed(3)}, helper threads included)`,
);
if (inprocessBefore) {
  console.log(
    `before: parse ${seconds(inprocessBefore.parseMs)}; model and rules ${inprocessBefore.oursMs.toFixed(0)} ms = **${inprocessBefore.oursRatio.toFixed(3)}** × the parse; whole pass ${inprocessBefore.ratio.toFixed(3)} (process CPU ${inprocessBefore.cpuRatio.toFixed(3)})`,
  );
}
console.log("");
const parts = [...new Set([...Object.keys(inprocess.perRule), ...Object.keys(inprocessBefore?.perRule ?? {})])];
console.log("| | " + parts.join(" | ") + " |");
console.log("|---|" + parts.map(() => "---").join("|") + "|");
for (const [label, p] of [["now", inprocess], ...(inprocessBefore ? [["before", inprocessBefore]] : [])]) {
  console.log(
    `| ${label} | ` +
      parts.map((k) => (p.perRule[k] === undefined ? "–" : `${p.perRule[k].toFixed(0)} ms`)).join(" | ") +
      " |",
  );
}
console.log("");
console.log(`load average at end: ${loadAfter}`);
for (const [linter, s] of Object.entries(summary)) {
  console.log(
    `${linter}: CPU ${pct(s.cpuMs.ratio)} over the parse (wall ${pct(s.ms.ratio)}), peak memory ${pct(s.memoryRatio)}; ${s.findings} findings`,
  );
}

if (instructions) {
  console.log("");
  const result = spawnSync(process.execPath, [path.join(here, "instructions.js"), corpus, latencyFile], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exitCode = result.status ?? 1;
}

// The GitHub-link bench (WU007: requests per link, cold and warm run against the fake GitHub on
// 127.0.0.1). It imports the TypeScript fake server, so it runs under vite-node.
const github = path.join(here, "github.ts");
const viteNode = path.join(root, "node_modules", "vite-node", "vite-node.mjs");
if (fs.existsSync(github) && fs.existsSync(viteNode)) {
  console.log("");
  const result = spawnSync(process.execPath, [viteNode, github], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exitCode = result.status ?? 1;
}
