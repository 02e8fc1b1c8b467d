#!/usr/bin/env node
// dist/ is built by `npm run build` (`prepare` does it when npm installs from a git URL or packs).
let cli;
try {
  ({ cli } = await import("../dist/src/cli/index.js"));
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist/src/cli/index.js")) throw error;
  process.stderr.write(
    "wrapup-lint: not built (dist/ is missing): run `npm ci` in this clone (it builds), or install from a git URL or an `npm pack` tarball\n",
  );
  process.exit(2);
}

process.exitCode = await cli(process.argv.slice(2));
