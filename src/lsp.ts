/**
 * `wrapup-lint-language-server --stdio`: a language server for any LSP editor, built on
 * unified-language-server with remark and the wrapup-lint preset. Diagnostics as the editor
 * types; a finding with a certain fix carries its replacement (`message.expected`), which the
 * server offers as a quick fix. The workspace's remark configuration (`.remarkrc*`,
 * `remarkConfig` in package.json, `.remarkignore`) is honoured as remark-cli honours it, and
 * its `remark` is used when it has one; the preset is always on (a `.remarkrc` that uses it too
 * does not run the rules twice: unified keeps one of each plugin).
 *
 * GitHub links are answered from the link cache only (the bin marks the process as an editor;
 * `WRAPUP_LINT_OFFLINE=0` in the server's environment turns network checks on).
 */
import { remark } from "remark";
import { createUnifiedLanguageServer } from "unified-language-server";
import preset from "./adapters/remark.js";

export function startLanguageServer(): void {
  createUnifiedLanguageServer({
    processorName: "remark",
    processorSpecifier: "remark",
    defaultProcessor: remark,
    configurationSection: "remark",
    ignoreName: ".remarkignore",
    packageField: "remarkConfig",
    pluginPrefix: "remark",
    rcName: ".remarkrc",
    plugins: [preset],
  });
}
