// The suite's own cost, measured inside one process where a shared machine disturbs it least:
// markdownlint over the corpus with a no-op rule (the parse) and with a probe rule that builds
// the model and runs every rule (each timed), alternating, the minimum of each over the rounds.
//   node bench/inprocess.js CORPUS_DIR [ROUNDS]
// Prints one JSON line: {parseMs, suiteMs, ratio, parseCpuMs, suiteCpuMs, cpuRatio (the process's
// CPU time, V8's helper threads included), oursMs, perRule: {model, WU001, ...}}.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lint } from "markdownlint/promise";
import { markdownFiles } from "./common.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const [corpus, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 3);
const { modelFromMarkdownlint } = await import(path.join(root, "dist/src/model/from-micromark.js"));
const { RULES } = await import(path.join(root, "dist/rules/index.js"));
const { runRule } = await import(path.join(root, "dist/src/core/run-rule.js"));

const files = markdownFiles(corpus);
const strings = Object.fromEntries(files.map((f) => [f, fs.readFileSync(f, "utf8")]));
const names = Object.keys(strings);

async function pass(rule) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  // In batches: markdownlint chains one document's callback into the next.
  for (let i = 0; i < names.length; i += 50) {
    await lint({
      strings: Object.fromEntries(names.slice(i, i + 50).map((n) => [n, strings[n]])),
      config: { default: false, probe: true },
      customRules: [rule],
    });
  }
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const noop = { names: ["probe"], description: "parse floor", tags: ["bench"], parser: "micromark", function() {} };
let times = {};
const probe = {
  names: ["probe"],
  description: "model and rules",
  tags: ["bench"],
  parser: "micromark",
  function(params) {
    let start = performance.now();
    const model = modelFromMarkdownlint(params);
    times.model += performance.now() - start;
    for (const rule of RULES) {
      start = performance.now();
      // As the adapters run it: options, the document's profile, the rule's scope.
      const found = runRule(rule, model, params.config);
      times[rule.code] += performance.now() - start;
      if (found instanceof Promise) found.catch(() => {});
    }
  },
};

const best = { parseMs: Infinity, suiteMs: Infinity, parseCpuMs: Infinity, suiteCpuMs: Infinity, perRule: {} };
for (let round = 0; round < rounds; round++) {
  times = Object.fromEntries(["model", ...RULES.map((r) => r.code)].map((k) => [k, 0]));
  const order = round % 2 ? ["suite", "parse"] : ["parse", "suite"];
  for (const which of order) {
    const { ms, cpuMs } = await pass(which === "parse" ? noop : probe);
    best[`${which}Ms`] = Math.min(best[`${which}Ms`], ms);
    best[`${which}CpuMs`] = Math.min(best[`${which}CpuMs`], cpuMs);
  }
  for (const [k, v] of Object.entries(times)) best.perRule[k] = Math.min(best.perRule[k] ?? Infinity, v);
}
const oursMs = Object.values(best.perRule).reduce((a, b) => a + b, 0);
process.stdout.write(
  JSON.stringify({
    files: names.length,
    rounds,
    parseMs: best.parseMs,
    suiteMs: best.suiteMs,
    ratio: best.suiteMs / best.parseMs,
    parseCpuMs: best.parseCpuMs,
    suiteCpuMs: best.suiteCpuMs,
    cpuRatio: best.suiteCpuMs / best.parseCpuMs,
    oursMs,
    oursRatio: 1 + oursMs / best.parseMs,
    perRule: best.perRule,
  }) + "\n",
);
