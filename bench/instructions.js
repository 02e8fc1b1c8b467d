// npm run bench -- --instructions   (or: node bench/instructions.js [CORPUS_DIR] [BASELINE_FILE])
//
// The suite's cost as instruction counts: the same four runs as the timed bench (bench/child.js:
// markdownlint-cli2 with a no-op rule or with the suite, remark with its syntax plugins or with
// the preset), each under valgrind's callgrind, V8 kept to one thread (--single-threaded).
// Counts repeat to 0.1–2 % on a quiet machine, but not under load: V8 sizes its heap from timed
// GC and mutator speeds, so a busy machine changes how much collecting is done (the same floor
// run counted 98.0 G and 110.9 G instructions in two sessions, and a suite run came out below its
// floor). Read them as one more measure, not as a settled one. Each run is also made on a
// one-page corpus (BASELINE_FILE, a wrap-up) and that count taken off: what is left is the
// linting of the rest of the corpus, without process start, module loading and the suite's
// one-time set-up (tables, compiled schemas).
// Runs two at a time; about 55× slower than the timed runs (the whole corpus: ~20 minutes).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const corpus = path.resolve(process.argv[2] ?? path.join(root, "..", "shared", "corpus", "gardener-docs"));
const baselineFile = path.resolve(process.argv[3] ?? path.join(corpus, "community", "hackathons", "2025-06.md"));

const version = spawnSync("valgrind", ["--version"], { encoding: "utf8" });
if (version.status !== 0) {
  console.log("instruction counts: skipped (valgrind is not installed)");
  process.exit(0);
}
for (const [what, where] of [
  ["corpus", corpus],
  ["baseline page", baselineFile],
]) {
  if (!fs.existsSync(where)) {
    console.error(`bench: no ${what} at ${where}`);
    process.exit(2);
  }
}
const baselineDir = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-lint-baseline-"));
fs.copyFileSync(baselineFile, path.join(baselineDir, path.basename(baselineFile)));

const env = { ...process.env, WRAPUP_LINT_OFFLINE: "1" };

/** Instructions executed by one bench/child.js run under callgrind. */
function count(mode, dir) {
  return new Promise((resolve, reject) => {
    const args = [
      "--tool=callgrind",
      "--callgrind-out-file=/dev/null",
      "--smc-check=all-non-file",
      process.execPath,
      "--single-threaded",
      path.join(here, "child.js"),
      mode,
      dir,
    ];
    const child = spawn("valgrind", args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const collected = /Collected\s*:\s*(\d+)/.exec(stderr);
      if (code !== 0 || !collected)
        return reject(new Error(`callgrind ${mode} ${dir} failed (${code})\n${stderr.slice(-2000)}`));
      resolve({ instructions: Number(collected[1]), result: JSON.parse(stdout.trim().split("\n").pop()) });
    });
  });
}

const billions = (n) => `${(n / 1e9).toFixed(2)} G`;
console.log(
  `instruction counts (valgrind ${version.stdout.trim()}, callgrind, node --single-threaded ${process.version}): ${corpus}`,
);
console.log(`baseline: ${path.basename(baselineFile)} alone, taken off each count`);
console.log("");
console.log("| linter | floor | suite | suite/floor | target |");
console.log("|---|---|---|---|---|");
const summary = {};
try {
  for (const [linter, floorMode, suiteMode, target] of [
    ["markdownlint-cli2", "mdl-floor", "mdl-suite", 1.05],
    ["remark", "remark-floor", "remark-suite", 1.1],
  ]) {
    const started = Date.now();
    const [floor, suite] = await Promise.all([count(floorMode, corpus), count(suiteMode, corpus)]);
    const [floorBase, suiteBase] = await Promise.all([count(floorMode, baselineDir), count(suiteMode, baselineDir)]);
    const f = floor.instructions - floorBase.instructions;
    const s = suite.instructions - suiteBase.instructions;
    const ratio = s / f;
    summary[linter] = {
      floor: f,
      suite: s,
      ratio,
      files: floor.result.files - 1,
      minutes: (Date.now() - started) / 60000,
    };
    console.log(
      `| ${linter} | ${billions(f)} | ${billions(s)} | **${ratio.toFixed(3)}** | ≤ ${target.toFixed(2)} ${ratio <= target ? "ok" : "MISSED"} |`,
    );
  }
} finally {
  fs.rmSync(baselineDir, { recursive: true, force: true });
}
console.log("");
for (const [linter, s] of Object.entries(summary)) {
  console.log(`${linter}: ${s.files} files beyond the baseline page, ${s.minutes.toFixed(1)} min under callgrind`);
}
