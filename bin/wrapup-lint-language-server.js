#!/usr/bin/env node
// An editor: GitHub links from the cache only, unless WRAPUP_LINT_OFFLINE says otherwise.
process.env.WRAPUP_LINT_EDITOR = "1";
// stdio unless the editor names another transport (--node-ipc, --socket=N, --pipe=NAME).
if (!process.argv.slice(2).some((arg) => /^--(?:stdio|node-ipc|socket|pipe|clientProcessId)\b/.test(arg)))
  process.argv.push("--stdio");
const { startLanguageServer } = await import("../dist/src/editor/language-server.js");
startLanguageServer();
