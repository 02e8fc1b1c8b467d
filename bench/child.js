// One measured run, in a fresh process, so that each run's peak memory is its own:
//   node bench/child.js MODE CORPUS_DIR
// MODE: mdl-floor | mdl-suite | remark-floor | remark-suite. Prints one JSON line:
// {"mode", "ms" (wall), "cpuMs" (user + system time of the process), "mainCpuMs" (of its main
// thread alone, where Linux tells it; null elsewhere), "maxRssKb", "files", "findings"}.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { markdownFiles } from "./common.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const [mode, corpus] = process.argv.slice(2);
if (!mode || !corpus) {
  console.error("usage: node bench/child.js MODE CORPUS_DIR");
  process.exit(2);
}

/** A micromark rule that does nothing: markdownlint parses, the rule reads nothing. */
const noop = {
  names: ["noop"],
  description: "parse floor",
  tags: ["bench"],
  parser: "micromark",
  function() {},
};

async function markdownlintRun(suite) {
  const { main } = await import("markdownlint-cli2");
  let customRules = suite ? (await import(path.join(root, "dist/src/adapters/markdownlint.js"))).default : [noop];
  // BENCH_RULES=WU001,WU008 runs only those rules (to see what each costs); BENCH_SKIP the rest.
  const only = process.env.BENCH_RULES?.split(",");
  const skip = process.env.BENCH_SKIP?.split(",") ?? [];
  if (suite)
    customRules = customRules.filter((r) => (!only || only.includes(r.names[0])) && !skip.includes(r.names[0]));
  let findings = 0;
  const main0 = mainThreadCpuMs();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await main({
    directory: corpus,
    argv: ["**/*.md"],
    // Our configuration, whatever the corpus holds; no output formatting (nothing to print).
    optionsOverride: {
      config: suite ? { default: false, wrapup: true } : { default: false, noop: true },
      customRules,
      outputFormatters: [
        [
          ({ results }) => {
            findings = results.length;
          },
        ],
      ],
    },
    logMessage: () => {},
    logError: () => {},
  });
  return { ms: performance.now() - start, cpuMs: cpuMs(cpu), mainCpuMs: mainSince(main0), findings };
}

/**
 * CPU time of the main thread (the JavaScript thread: the parse and every rule run there), from
 * /proc. The process's time adds V8's helper threads (concurrent marking, compilation), whose
 * share swings from run to run far more than the main thread's.
 */
function mainThreadCpuMs() {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime (fields 14 and 15 of stat(5)), in clock ticks; USER_HZ is 100 on Linux.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

const mainSince = (main0) => {
  const now = mainThreadCpuMs();
  return main0 === null || now === null ? null : now - main0;
};

const cpuMs = (since) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function remarkRun(suite) {
  const { unified } = await import("unified");
  const { default: remarkParse } = await import("remark-parse");
  const { VFile } = await import("vfile");
  const processor = unified().use(remarkParse);
  if (suite) {
    processor.use((await import(path.join(root, "dist/src/adapters/remark.js"))).default);
  } else {
    const { default: remarkFrontmatter } = await import("remark-frontmatter");
    const { default: remarkGfm } = await import("remark-gfm");
    processor.use(remarkFrontmatter, ["yaml", "toml"]).use(remarkGfm);
  }
  processor.freeze();
  let findings = 0;
  const main0 = mainThreadCpuMs();
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const file of markdownFiles(corpus)) {
    const vfile = new VFile({ path: file, value: fs.readFileSync(file) });
    const tree = processor.parse(vfile);
    await processor.run(tree, vfile);
    findings += vfile.messages.length;
  }
  return { ms: performance.now() - start, cpuMs: cpuMs(cpu), mainCpuMs: mainSince(main0), findings };
}

const files = markdownFiles(corpus).length;
const result = mode.startsWith("mdl-")
  ? await markdownlintRun(mode === "mdl-suite")
  : await remarkRun(mode === "remark-suite");
process.stdout.write(
  JSON.stringify({
    mode,
    ms: result.ms,
    cpuMs: result.cpuMs,
    mainCpuMs: result.mainCpuMs,
    maxRssKb: process.resourceUsage().maxRSS,
    files,
    findings: result.findings,
  }) + "\n",
);
