/**
 * VS Code with the markdownlint extension (DavidAnson.vscode-markdownlint): a workspace whose
 * `.markdownlint-cli2.jsonc` names `wrapup-lint/markdownlint` in `customRules`. The extension
 * lints an open document by calling markdownlint-cli2's `main()` with the document's text; the
 * script below makes that call with the parameters the extension builds (extension.mjs,
 * `markdownlintWrapper`, for a `file:` document in a trusted workspace), in its own process as
 * the extension host is, and the test applies the quick fixes as the extension's `fixLine` and
 * `fixAll` commands do (markdownlint-cli2/markdownlint's `applyFix`/`applyFixes`).
 */
import fs from "node:fs";
import path from "node:path";
import { applyFix, applyFixes } from "markdownlint-cli2/markdownlint";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lint, project, ROOT, runAsync, tempDir, testEnv } from "../helpers/integration.js";
import { startFakeGitHub, type FakeGitHub } from "../github-server/server.js";

interface Result {
  fileName: string;
  lineNumber: number;
  ruleNames: string[];
  errorDetail: string | null;
  fixInfo: { lineNumber?: number; editColumn?: number; deleteCount?: number; insertText?: string } | null;
}

/** The extension's call, for a document of the workspace (scheme `file`). */
const EXTENSION_CALL = `
import nodeFs from "node:fs";
import { promisify } from "node:util";
import { main as markdownlintCli2 } from ${JSON.stringify(path.join(ROOT, "node_modules", "markdownlint-cli2", "markdownlint-cli2.mjs"))};

// The extension's FsWrapper exposes these members only (over vscode.workspace.fs).
const fs = {
  access: nodeFs.access, readdir: nodeFs.readdir, readFile: nodeFs.readFile, stat: nodeFs.stat, lstat: nodeFs.stat,
  promises: { access: promisify(nodeFs.access), readFile: promisify(nodeFs.readFile), stat: promisify(nodeFs.stat) },
};
const { workspaceFolder, name, text } = JSON.parse(nodeFs.readFileSync(0, "utf8"));
let results = [];
const captureResultsFormatter = (options) => { results = options.results; };
const parameters = {
  fs,
  directory: workspaceFolder,
  argv: [\`:\${name}\`],
  fileContents: { [name]: text },
  noGlobs: true,
  noImport: false,
  optionsDefault: { config: { MD013: false }, customRules: [] },
  optionsOverride: { fix: false, outputFormatters: [[captureResultsFormatter]] },
};
await markdownlintCli2(parameters);
process.stdout.write(JSON.stringify(results));
`;

/** The extension host's environment: VS Code names the extension host's entry point. */
const EXTENSION_HOST = {
  VSCODE_ESM_ENTRYPOINT: "vs/workbench/api/node/extensionHostProcess",
  VSCODE_HANDLES_UNCAUGHT_ERRORS: "true",
};

async function lintInEditor(workspace: string, file: string, text: string, env: NodeJS.ProcessEnv): Promise<Result[]> {
  const script = path.join(workspace, ".extension-call.mjs");
  fs.writeFileSync(script, EXTENSION_CALL);
  const r = await runAsyncWithInput(
    script,
    JSON.stringify({ workspaceFolder: workspace, name: path.join(workspace, file), text }),
    workspace,
    env,
  );
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Result[];
}

/** runAsync with the document on stdin. */
async function runAsyncWithInput(script: string, input: string, cwd: string, env: NodeJS.ProcessEnv) {
  const inputFile = path.join(cwd, ".extension-input.json");
  fs.writeFileSync(inputFile, input);
  return runAsync("/bin/sh", ["-c", `exec "${process.execPath}" "${script}" < "${inputFile}"`], { cwd, env });
}

const broken = fs.readFileSync(path.join(ROOT, "fixtures", "heading-style-broken.md"), "utf8");
const wu = (results: Result[]) => results.filter((r) => /^WU\d{3}$/.test(r.ruleNames[0]!));

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, "dist", "src", "adapters", "markdownlint.js")))
    throw new Error("dist/ is missing: run `npm run build`");
});

describe("VS Code markdownlint extension", () => {
  test("customRules in .markdownlint-cli2.jsonc is all it takes: the unsaved text is linted, with quick fixes", async () => {
    // On disk the page is clean; the editor holds the broken text, not yet saved.
    const workspace = project({
      "docs/2025-11.md": "# Notes\n",
      ".markdownlint-cli2.jsonc": JSON.stringify({ customRules: ["wrapup-lint/markdownlint"] }),
    });
    const env = testEnv({ ...EXTENSION_HOST, WRAPUP_LINT_OFFLINE: undefined });
    const results = await lintInEditor(workspace, "docs/2025-11.md", broken, env);
    const ours = wu(results);
    expect(ours.length).toBeGreaterThan(3);
    expect(new Set(ours.map((r) => r.fileName))).toEqual(new Set(["docs/2025-11.md"]));

    // Quick fixes: fixInfo on the findings that have a certain fix.
    const fixable = ours.filter((r) => r.fixInfo);
    expect(fixable.length).toBeGreaterThan(0);
    const lines = broken.split("\n");
    // "Fix this violation" (fixLine): one line changed, as the extension's applyFix does.
    const first = fixable[0]!;
    const lineNumber = first.fixInfo!.lineNumber ?? first.lineNumber;
    const fixedLine = applyFix(lines[lineNumber - 1]!, first.fixInfo!, "\n");
    expect(typeof fixedLine).toBe("string");
    expect(fixedLine).not.toBe(lines[lineNumber - 1]);
    // "Fix all supported violations" (fixAll): every wrap-up fix, then nothing fixable is left.
    const fixedText = applyFixes(broken, ours as never);
    expect(fixedText).toContain("## 🫆 Enrich Shoot Logs");
    const again = wu(await lintInEditor(workspace, "docs/2025-11.md", fixedText, env));
    expect(again.filter((r) => r.fixInfo)).toEqual([]);
    expect(again.length).toBeLessThan(ours.length);
  });

  describe("network checks stay out of the editor: the link cache only", () => {
    let server: FakeGitHub;
    beforeAll(async () => {
      server = await startFakeGitHub({
        owners: [{ login: "gardener" }],
        repos: [{ owner: "gardener", name: "gardener" }],
      });
    });
    afterAll(async () => server.close());

    test("a link the CLI found broken is shown from the cache; nothing is asked of GitHub from the editor", async () => {
      const doc = "# Hack The Garden 11/2025 Wrap Up\n\n* [Nowhere](https://github.com/gardener/nowhere)\n";
      const config = JSON.stringify({
        config: { default: false, WU007: true },
        customRules: ["wrapup-lint/markdownlint"],
      });
      const workspace = project({ "w.md": doc, ".markdownlint-cli2.jsonc": config });
      const cache = tempDir("wrapup-lint-cache-");
      const online = testEnv({
        WRAPUP_LINT_OFFLINE: undefined,
        GITHUB_API_URL: server.apiUrl,
        WRAPUP_LINT_CACHE_DIR: cache,
      });
      const editor = { ...online, ...EXTENSION_HOST };

      // In the editor with an empty cache: no request, no finding.
      const empty = await lintInEditor(workspace, "w.md", doc, {
        ...editor,
        WRAPUP_LINT_CACHE_DIR: tempDir("wrapup-lint-cache-"),
      });
      expect(server.requests).toHaveLength(0);
      expect(wu(empty)).toEqual([]);

      // The CLI (or CI) asks GitHub and fills the cache.
      const cli = await lint(["--format", "json", "w.md"], workspace, online);
      expect(cli.code, cli.stderr).toBe(1);
      const asked = server.requests.length;
      expect(asked).toBeGreaterThan(0);

      // The editor shows what the cache knows, still asking nothing.
      const cached = await lintInEditor(workspace, "w.md", doc, editor);
      expect(server.requests).toHaveLength(asked);
      expect(wu(cached).map((r) => r.errorDetail)).toEqual([
        "Unexpected link to `gardener/nowhere`, expected a GitHub repository that exists (not found, or private)",
      ]);

      // WRAPUP_LINT_OFFLINE=0 in the editor's environment asks GitHub after all.
      await lintInEditor(workspace, "w.md", doc.replace("nowhere", "elsewhere"), {
        ...editor,
        WRAPUP_LINT_OFFLINE: "0",
      });
      expect(server.requests.length).toBeGreaterThan(asked);
    });
  });
});
