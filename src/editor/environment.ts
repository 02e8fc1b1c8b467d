/**
 * Where the suite runs, for the one thing that depends on it: network checks stay out of
 * editors. VS Code (and its forks) start the extension host, where the markdownlint extension
 * calls markdownlint-cli2 and where language servers are forked from, with
 * `VSCODE_ESM_ENTRYPOINT` (`VSCODE_AMD_ENTRYPOINT` before 1.94) naming
 * `vs/workbench/api/node/extensionHostProcess`; VS Code strips `VSCODE_*` variables from its
 * integrated terminal, so a command run there is not taken for the editor.
 */
export function isEditorHost(env: NodeJS.ProcessEnv = process.env): boolean {
  const entry = env["VSCODE_ESM_ENTRYPOINT"] ?? env["VSCODE_AMD_ENTRYPOINT"] ?? "";
  return /extensionHost/i.test(entry) || env["WRAPUP_LINT_EDITOR"] === "1";
}

/**
 * Whether GitHub links are answered from the cache only: `WRAPUP_LINT_OFFLINE` when it is set
 * (`1`/`true` offline, `0`/`false` online, even in an editor), otherwise offline in an editor.
 */
export function offlineFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env["WRAPUP_LINT_OFFLINE"];
  if (value !== undefined && value.trim() !== "") return !/^(?:0|false|no|off)$/i.test(value.trim());
  return isEditorHost(env);
}
