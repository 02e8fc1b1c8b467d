// npm run build:action [-- OUTDIR]: the GitHub Action's committed build (action/, run by the
// runner's own Node: action.yml `runs.using: node24`, nothing installed at run time).
//
//   action/index.js                                  src/action/index.ts and all it imports, one file
//   action/node_modules/wrapup-lint/package.json     a package named wrapup-lint ...
//   action/node_modules/wrapup-lint/markdownlint.js  ... whose `./markdownlint` is the rules, one file
//
// A user's `.markdownlint-cli2.jsonc` names `"customRules": ["wrapup-lint/markdownlint"]`.
// markdownlint-cli2 resolves that name with Node's resolution from the configuration's
// directory and then from markdownlint's own place (markdownlint's resolveModule adds
// `require.resolve.paths("")`); markdownlint is inside action/index.js, so Node looks in
// action/node_modules/ and finds the rules there, in a repository that never installed them.
//
// `npm test` (test/integration/action-build.test.ts) builds into a temporary folder and fails when the
// committed action/ differs: the build is deterministic (esbuild, no timestamps, paths relative).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.resolve(process.argv[2] ?? path.join(root, "action"));
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

// src/core/lazy.ts loads CommonJS dependencies on first use through a `require(id)` no bundler can
// follow; in the bundle each id it is given becomes a literal require, still run on first use.
const lazyIds = new Set();
for (const dir of ["src", "rules"]) {
  for (const file of fs.readdirSync(path.join(root, dir), { recursive: true })) {
    if (!String(file).endsWith(".ts")) continue;
    const text = fs.readFileSync(path.join(root, dir, String(file)), "utf8");
    for (const m of text.matchAll(/\blazy<[^>]*>\("([^"]+)"\)/g)) lazyIds.add(m[1]);
  }
}
const lazyPlugin = {
  name: "lazy-requires",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]core[\\/]lazy\.ts$/ }, () => ({
      loader: "ts",
      contents: [
        "// The bundle's src/core/lazy.ts (scripts/build-action.mjs): each id a literal require, run on first use.",
        "const table: Record<string, () => unknown> = {",
        ...[...lazyIds].sort().map((id) => `  ${JSON.stringify(id)}: () => require(${JSON.stringify(id)}),`),
        "};",
        "export function lazy<T>(id: string): () => T {",
        "  let loaded: T | undefined;",
        "  return () => (loaded ??= table[id]!() as T);",
        "}",
        "",
      ].join("\n"),
    }));
  },
};

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  // ES module builds first: jsonc-parser's "main" is a UMD build whose requires no bundler follows.
  mainFields: ["module", "main"],
  legalComments: "none",
  logLevel: "warning",
  absWorkingDir: root,
  plugins: [lazyPlugin],
  // CommonJS dependencies call require(): the bundle's own, from where the bundle lies.
  banner: {
    js: 'import { createRequire as __wrapupLintCreateRequire } from "node:module";\nconst require = __wrapupLintCreateRequire(import.meta.url);',
  },
};

fs.rmSync(outdir, { recursive: true, force: true });
const rulesDir = path.join(outdir, "node_modules", "wrapup-lint");
await build({
  ...common,
  entryPoints: [path.join(root, "src", "action", "index.ts")],
  outfile: path.join(outdir, "index.js"),
});
await build({
  ...common,
  entryPoints: [path.join(root, "src", "adapters", "markdownlint.ts")],
  outfile: path.join(rulesDir, "markdownlint.js"),
});
fs.writeFileSync(
  path.join(rulesDir, "package.json"),
  JSON.stringify(
    {
      name: "wrapup-lint",
      version: pkg.version,
      description:
        "The wrapup-lint rules as the GitHub Action runs them (built by scripts/build-action.mjs; do not edit)",
      license: pkg.license,
      type: "module",
      exports: { "./markdownlint": "./markdownlint.js", "./package.json": "./package.json" },
    },
    null,
    2,
  ) + "\n",
);
fs.writeFileSync(path.join(outdir, "package.json"), JSON.stringify({ type: "module", private: true }, null, 2) + "\n");
