/**
 * Any LSP editor (and vscode-remark's way of working): `npx wrapup-lint-language-server --stdio`
 * in a workspace whose `.remarkrc.mjs` uses the preset, driven by a real LSP client over stdio
 * (vscode-jsonrpc): initialize, open a broken wrap-up, receive diagnostics, ask for code
 * actions, apply the quick-fix edits, and see the fixable findings gone. GitHub links are
 * answered from the link cache a command-line run filled, and nothing is asked of GitHub.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HANG_GUARD_MS, lint, project, ROOT, tempDir, testEnv } from "./helpers/integration.js";
import { startFakeGitHub, type FakeGitHub } from "./github-server/server.js";

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  code?: string;
  source?: string;
  data?: { expected?: string[] };
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, TextEdit[]> };
}

const broken = fs.readFileSync(path.join(ROOT, "fixtures", "heading-style-broken.md"), "utf8");

/** Applies LSP text edits (non-overlapping) to `text`. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const offset = (p: Position): number => lineStarts[p.line]! + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const edit of sorted) out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}

class Client {
  readonly connection: MessageConnection;
  private readonly published = new Map<string, Diagnostic[][]>();
  private readonly waiters: { uri: string; count: number; resolve: (d: Diagnostic[]) => void }[] = [];

  constructor(readonly child: ChildProcess) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    // What a client answers when the server asks (unified-language-server registers for configuration changes).
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => params.items.map(() => ({})));
    this.connection.onNotification("window/logMessage", () => undefined);
    this.connection.onNotification("textDocument/publishDiagnostics", (params: { uri: string; diagnostics: Diagnostic[] }) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params.diagnostics);
      this.published.set(params.uri, list);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && list.length >= waiter.count) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(list[waiter.count - 1]!);
        }
      }
    });
    this.connection.listen();
  }

  /** The `count`-th diagnostics published for `uri`. */
  diagnostics(uri: string, count: number): Promise<Diagnostic[]> {
    const list = this.published.get(uri) ?? [];
    if (list.length >= count) return Promise.resolve(list[count - 1]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics #${count} for ${uri}`)), HANG_GUARD_MS);
      this.waiters.push({ uri, count, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  }

  publishedCount(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }
}

describe("wrapup-lint-language-server", () => {
  let server: FakeGitHub;
  let workspace: string;
  let client: Client;
  let stderr = "";
  let asked = 0;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "dist", "src", "lsp.js"))) throw new Error("dist/ is missing: run `npm run build`");
    server = await startFakeGitHub({ owners: [{ login: "gardener" }], repos: [{ owner: "gardener", name: "gardener" }] });
    workspace = project({ ".remarkrc.mjs": 'import preset from "wrapup-lint/remark";\nexport default preset;\n', "docs/2025-11.md": "# Notes\n" });
    // As npm installs a package's bins.
    fs.mkdirSync(path.join(workspace, "node_modules", ".bin"));
    fs.symlinkSync("../wrapup-lint/bin/wrapup-lint-language-server.js", path.join(workspace, "node_modules", ".bin", "wrapup-lint-language-server"));
    // Online as far as the environment goes: the server itself keeps GitHub out of the editor.
    const env = testEnv({ WRAPUP_LINT_OFFLINE: undefined, GITHUB_API_URL: server.apiUrl, WRAPUP_LINT_CACHE_DIR: tempDir("wrapup-lint-cache-") });
    // A command-line run (or CI) asked GitHub about the link before: its answer is in the cache.
    const seeded = await lint(["--format", "json", "docs/2025-11.md"], project({ "docs/2025-11.md": "# Hack The Garden 11/2025 Wrap Up\n\n* [Nowhere](https://github.com/gardener/nowhere)\n" }, tempDir()), env);
    expect(seeded.code, seeded.stderr).toBe(1);
    asked = server.requests.length;
    expect(asked).toBeGreaterThan(0);
    const child = spawn("npx", ["wrapup-lint-language-server", "--stdio"], { cwd: workspace, env, stdio: ["pipe", "pipe", "pipe"] });
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    client = new Client(child);
    const init = (await client.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: "workspace" }],
      capabilities: { textDocument: { publishDiagnostics: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } } } } },
    })) as { capabilities: { codeActionProvider?: unknown; textDocumentSync?: unknown } };
    expect(init.capabilities.codeActionProvider).toBeTruthy();
    await client.connection.sendNotification("initialized", {});
  });

  afterAll(async () => {
    try {
      await client.connection.sendRequest("shutdown");
      await client.connection.sendNotification("exit");
    } finally {
      client.connection.dispose();
      client.child.kill();
      await server.close();
    }
  });

  test("a broken wrap-up: diagnostics, a quick fix per certain fix, and after the fixes none fixable left", async () => {
    const uri = pathToFileURL(path.join(workspace, "docs", "2025-11.md")).href;
    const text = broken.replace("\n## ", "\n* [Nowhere](https://github.com/gardener/nowhere)\n\n## ");
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text } });
    const diagnostics = (await client.diagnostics(uri, 1)).filter((d) => d.source === "wrapup-lint");
    expect(diagnostics.length, stderr).toBeGreaterThan(3);
    expect(diagnostics.every((d) => /^wrapup-[a-z-]+$/.test(d.code ?? "") && d.severity === 2)).toBe(true);
    expect(diagnostics.some((d) => d.code === "wrapup-section-heading")).toBe(true);
    // The preset from .remarkrc.mjs and the server's own are one: no finding twice.
    const keys = diagnostics.map((d) => JSON.stringify([d.range, d.message, d.code]));
    expect(new Set(keys).size).toBe(keys.length);
    // The link is not asked of GitHub from the editor; what the cache knows is shown.
    expect(server.requests).toHaveLength(asked);
    expect(diagnostics.filter((d) => d.code === "wrapup-github-link-resolves").map((d) => d.message)).toEqual(["Unexpected link to `gardener/nowhere`, expected a GitHub repository that exists (not found, or private)"]);

    const fixable = diagnostics.filter((d) => d.data?.expected?.length);
    expect(fixable.length).toBeGreaterThan(0);
    const edits: TextEdit[] = [];
    for (const diagnostic of fixable) {
      const actions = (await client.connection.sendRequest("textDocument/codeAction", {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ["quickfix"] },
      })) as CodeAction[];
      expect(actions, diagnostic.message).toHaveLength(1);
      const quickFix = actions[0]!;
      expect(quickFix.kind).toBe("quickfix");
      expect(quickFix.title).toMatch(/^(Replace|Insert|Remove) `/);
      expect(quickFix!.isPreferred).toBe(true);
      const change = quickFix!.edit!.changes![uri]!;
      expect(change).toEqual([{ range: diagnostic.range, newText: diagnostic.data!.expected![0] }]);
      edits.push(...change);
    }
    const fixed = applyEdits(text, edits);
    expect(fixed).toContain("- 🗓️ **Date:** 24.11.2025 – 28.11.2025");
    expect(fixed).toContain("## 🫆 Enrich Shoot Logs");
    expect(fixed).toContain("## ℹ️ Expose EgressCIDRs");

    // The editor applies the edits; the server lints the new text.
    const before = client.publishedCount(uri);
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = (await client.diagnostics(uri, before + 1)).filter((d) => d.source === "wrapup-lint");
    expect(after.filter((d) => d.data?.expected?.length)).toEqual([]);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(diagnostics.length);
    expect(server.requests).toHaveLength(asked);
  });
});
