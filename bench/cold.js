// node bench/cold.js remark|markdownlint [CORPUS_DIR] [PASSES]   (after `npm run build`)
//
// The suite's own time in a fresh process, code still cold: each of the suite's rules (and, for
// remark, building the model, timed apart) is timed from inside the linter, on the first pass
// over the corpus and on the passes after it in the same process. Prints one line per pass:
// the linter's time without the suite's, the suite's, and what each rule took. The GitHub rule
// runs offline (cache only), as in `npm run bench`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { markdownFiles } from "./common.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const [linter, corpusArg, passesArg] = process.argv.slice(2);
const corpus = path.resolve(corpusArg ?? path.join(root, "..", "shared", "corpus", "gardener-docs"));
const passes = Number(passesArg ?? 2);
if (linter !== "remark" && linter !== "markdownlint") {
  console.error("usage: node bench/cold.js remark|markdownlint [CORPUS_DIR] [PASSES]");
  process.exit(2);
}
if (!fs.existsSync(path.join(root, "dist", "src", "adapters", "remark.js"))) {
  console.error("bench: dist/ is missing; run `npm run build` first");
  process.exit(2);
}
process.env.WRAPUP_LINT_OFFLINE = "1";

const spent = new Map();
const add = (name, ms) => spent.set(name, (spent.get(name) ?? 0) + ms);
const short = (name) => name.replace(/^wrapup-lint:/, "").replace(/^wrapup-/, "");

async function remarkPass() {
  const { unified } = await import("unified");
  const { default: remarkParse } = await import("remark-parse");
  const { VFile } = await import("vfile");
  const preset = (await import(path.join(root, "dist/src/adapters/remark.js"))).default;
  const { modelFromMdast } = await import(path.join(root, "dist/src/model/from-mdast.js"));
  // The model first, timed on its own; each rule then finds it built.
  const model = () => (tree, file) => {
    const start = performance.now();
    modelFromMdast(tree, file);
    add("model", performance.now() - start);
  };
  const timed = preset.plugins.map((entry) => {
    const [plugin, ...options] = Array.isArray(entry) ? entry : [entry];
    const wrapper = function (...args) {
      const transformer = plugin.apply(this, args);
      if (typeof transformer !== "function") return transformer;
      // This wrapper takes `next`, so unified waits for it: a transformer without one (a plain
      // or an async rule) is settled here.
      return (tree, file, next) => {
        const start = performance.now();
        if (transformer.length < 3) {
          let result;
          try {
            result = transformer(tree, file);
          } catch (error) {
            next(error);
            return;
          }
          Promise.resolve(result).then((value) => {
            add(plugin.name, performance.now() - start);
            next(null, value);
          }, next);
          return;
        }
        transformer(tree, file, (...rest) => {
          add(plugin.name, performance.now() - start);
          next(...rest);
        });
      };
    };
    return [wrapper, ...options];
  });
  const processor = unified().use(remarkParse).use(model).use({ plugins: timed }).freeze();
  const files = markdownFiles(corpus);
  return async () => {
    const start = performance.now();
    for (const name of files) {
      const file = new VFile({ path: name, value: fs.readFileSync(name) });
      await processor.run(processor.parse(file), file);
    }
    return performance.now() - start;
  };
}

async function markdownlintPass() {
  const { main } = await import("markdownlint-cli2");
  const rules = (await import(path.join(root, "dist/src/adapters/markdownlint.js"))).default;
  const { modelFromMarkdownlint } = await import(path.join(root, "dist/src/model/from-micromark.js"));
  // The model first, timed on its own (markdownlint runs custom rules in their order).
  const model = {
    names: ["wrapup-model"],
    description: "builds the model",
    tags: ["wrapup"],
    parser: "micromark",
    function(params) {
      const start = performance.now();
      modelFromMarkdownlint(params);
      add("model", performance.now() - start);
    },
  };
  const timed = rules.map((rule) => ({
    ...rule,
    function(params, onError) {
      const start = performance.now();
      const result = rule.function(params, onError);
      add(rule.names[1], performance.now() - start);
      return result;
    },
  }));
  return async () => {
    const start = performance.now();
    await main({
      directory: corpus,
      argv: ["**/*.md"],
      optionsOverride: {
        config: { default: false, wrapup: true },
        customRules: [model, ...timed],
        outputFormatters: [[() => {}]],
      },
      logMessage: () => {},
      logError: () => {},
    });
    return performance.now() - start;
  };
}

const pass = linter === "remark" ? await remarkPass() : await markdownlintPass();
for (let i = 0; i < passes; i++) {
  spent.clear();
  const total = await pass();
  let ours = 0;
  for (const ms of spent.values()) ours += ms;
  const rest = total - ours;
  const each = [...spent].map(([name, ms]) => `${short(name)} ${ms.toFixed(0)}`).join(", ");
  console.log(
    `${linter} pass ${i + 1}${i === 0 ? " (cold)" : ""}: ${(rest / 1000).toFixed(2)} s without the suite, suite ${ours.toFixed(0)} ms = ${((100 * ours) / rest).toFixed(1)} % (${each})`,
  );
}
