// Editor latency: one wrap-up linted again and again in one warm process, as an editor
// integration does on every change, suite versus parse floor, interleaved.
//   node bench/latency.js FILE [ITERATIONS]
// Prints one JSON line per linter: medians of floor and suite, and the median of the paired
// differences (each suite run against the floor run right next to it), in wall time and in the
// process's CPU time (less disturbed by other processes on a shared machine).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lint } from "markdownlint/promise";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import { median } from "./common.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const [file, iterationsArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/latency.js FILE [ITERATIONS]");
  process.exit(2);
}
const iterations = Number(iterationsArg ?? 300);
const warmup = Math.max(20, Math.round(iterations / 5));
const text = fs.readFileSync(file, "utf8");
const name = path.basename(file);

const suiteRules = (await import(path.join(root, "dist/src/adapters/markdownlint.js"))).default;
const preset = (await import(path.join(root, "dist/src/adapters/remark.js"))).default;
const noop = { names: ["noop"], description: "parse floor", tags: ["bench"], parser: "micromark", function() {} };

// A new string each time, as an editor sends after each keystroke: no cache may answer.
let edit = 0;
const fresh = () => text + " ".repeat(edit++ % 2);

const markdownlint = {
  floor: () => lint({ strings: { [name]: fresh() }, config: { default: false, noop: true }, customRules: [noop] }),
  suite: () =>
    lint({ strings: { [name]: fresh() }, config: { default: false, wrapup: true }, customRules: suiteRules }),
};

const floorProcessor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(remarkGfm).freeze();
const suiteProcessor = unified().use(remarkParse).use(preset).freeze();
const remarkRun = async (processor) => {
  const vfile = new VFile({ path: file, value: fresh() });
  await processor.run(processor.parse(vfile), vfile);
};
const remark = { floor: () => remarkRun(floorProcessor), suite: () => remarkRun(suiteProcessor) };

async function measure(linter, runs) {
  for (let i = 0; i < warmup; i++) {
    await runs.floor();
    await runs.suite();
  }
  const wall = { floor: [], suite: [], diff: [] };
  const cpu = { floor: [], suite: [], diff: [] };
  for (let i = 0; i < iterations; i++) {
    // Alternate which goes first, so that neither always runs right after a collection.
    const order = i % 2 ? ["suite", "floor"] : ["floor", "suite"];
    const took = {};
    const used = {};
    for (const which of order) {
      const since = process.cpuUsage();
      const start = performance.now();
      await runs[which]();
      took[which] = performance.now() - start;
      const u = process.cpuUsage(since);
      used[which] = (u.user + u.system) / 1000;
    }
    for (const [into, from] of [
      [wall, took],
      [cpu, used],
    ]) {
      into.floor.push(from.floor);
      into.suite.push(from.suite);
      into.diff.push(from.suite - from.floor);
    }
  }
  return {
    linter,
    lines: text.split("\n").length,
    iterations,
    floorMs: median(wall.floor),
    suiteMs: median(wall.suite),
    addedMs: median(wall.diff),
    floorCpuMs: median(cpu.floor),
    suiteCpuMs: median(cpu.suite),
    addedCpuMs: median(cpu.diff),
  };
}

for (const [linter, runs] of [
  ["markdownlint", markdownlint],
  ["remark", remark],
]) {
  process.stdout.write(JSON.stringify(await measure(linter, runs)) + "\n");
}
