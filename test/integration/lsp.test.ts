/**
 * Any LSP editor (and vscode-remark's way of working): `npx wrapup-lint-language-server --stdio`
 * in a workspace whose `.remarkrc.mjs` uses the preset, driven by a real LSP client over stdio
 * (vscode-jsonrpc): initialize, open a broken wrap-up, receive diagnostics, ask for code
 * actions, apply the quick-fix edits, and see the fixable findings gone. GitHub links are
 * answered from the link cache a command-line run filled, and nothing is asked of GitHub.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from "vscode-jsonrpc/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HANG_GUARD_MS, lint, project, ROOT, tempDir, testEnv } from "../helpers/integration.js";
import { startFakeGitHub, type FakeGitHub } from "../github-server/server.js";

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

type Encoding = "utf-8" | "utf-16" | "utf-32";

/** A UTF-16 column of `line` as `encoding` counts it (what a client of that encoding sends). */
function characterIn(line: string, column: number, encoding: Encoding): number {
  const before = line.slice(0, column);
  return encoding === "utf-8" ? Buffer.byteLength(before) : encoding === "utf-32" ? [...before].length : before.length;
}

/** Applies LSP text edits (non-overlapping) to `text`, their characters counted in `encoding`. */
function applyEdits(text: string, edits: TextEdit[], encoding: Encoding = "utf-16"): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const offset = (p: Position): number => {
    const start = lineStarts[p.line]!;
    const line = text.slice(start, lineStarts[p.line + 1] ?? text.length);
    let column = 0;
    while (column < line.length && characterIn(line, column, encoding) < p.character) column++;
    return start + column;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const edit of sorted)
    out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}

class Client {
  readonly connection: MessageConnection;
  private readonly published = new Map<string, Diagnostic[][]>();
  private readonly waiters: { uri: string; count: number; resolve: (d: Diagnostic[]) => void }[] = [];

  constructor(readonly child: ChildProcess) {
    this.connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    // What a client answers if the server asks.
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.onRequest("workspace/configuration", (params: { items: unknown[] }) =>
      params.items.map(() => ({})),
    );
    this.connection.onNotification("window/logMessage", () => undefined);
    this.connection.onNotification(
      "textDocument/publishDiagnostics",
      (params: { uri: string; diagnostics: Diagnostic[] }) => {
        const list = this.published.get(params.uri) ?? [];
        list.push(params.diagnostics);
        this.published.set(params.uri, list);
        for (const waiter of [...this.waiters]) {
          if (waiter.uri === params.uri && list.length >= waiter.count) {
            this.waiters.splice(this.waiters.indexOf(waiter), 1);
            waiter.resolve(list[waiter.count - 1]!);
          }
        }
      },
    );
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
    if (!fs.existsSync(path.join(ROOT, "dist", "src", "editor", "language-server.js")))
      throw new Error("dist/ is missing: run `npm run build`");
    server = await startFakeGitHub({
      owners: [{ login: "gardener" }],
      repos: [{ owner: "gardener", name: "gardener" }],
    });
    workspace = project({
      ".remarkrc.mjs": 'import preset from "wrapup-lint/remark";\nexport default preset;\n',
      "docs/2025-11.md": "# Notes\n",
    });
    // As npm installs a package's bins.
    fs.mkdirSync(path.join(workspace, "node_modules", ".bin"));
    fs.symlinkSync(
      "../wrapup-lint/bin/wrapup-lint-language-server.js",
      path.join(workspace, "node_modules", ".bin", "wrapup-lint-language-server"),
    );
    // Online as far as the environment goes: the server itself keeps GitHub out of the editor.
    const env = testEnv({
      WRAPUP_LINT_OFFLINE: undefined,
      GITHUB_API_URL: server.apiUrl,
      WRAPUP_LINT_CACHE_DIR: tempDir("wrapup-lint-cache-"),
    });
    // A command-line run (or CI) asked GitHub about the link before: its answer is in the cache.
    const seeded = await lint(
      ["--format", "json", "docs/2025-11.md"],
      project(
        {
          "docs/2025-11.md": "# Hack The Garden 11/2025 Wrap Up\n\n* [Nowhere](https://github.com/gardener/nowhere)\n",
        },
        tempDir(),
      ),
      env,
    );
    expect(seeded.code, seeded.stderr).toBe(1);
    asked = server.requests.length;
    expect(asked).toBeGreaterThan(0);
    const child = spawn("npx", ["wrapup-lint-language-server", "--stdio"], {
      cwd: workspace,
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    client = new Client(child);
    const init = (await client.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: "workspace" }],
      capabilities: {
        textDocument: {
          publishDiagnostics: {},
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } } },
        },
      },
    })) as { capabilities: { codeActionProvider?: unknown; textDocumentSync?: unknown } };
    expect(init.capabilities.codeActionProvider).toBeTruthy();
    await client.connection.sendNotification("initialized", {});
  });

  afterAll(async () => {
    try {
      await stop(client);
    } finally {
      await server.close();
    }
  });

  test("a broken wrap-up: diagnostics, a quick fix per certain fix, and after the fixes none fixable left", async () => {
    const uri = pathToFileURL(path.join(workspace, "docs", "2025-11.md")).href;
    const text = broken.replace("\n## ", "\n* [Nowhere](https://github.com/gardener/nowhere)\n\n## ");
    await client.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "markdown", version: 1, text },
    });
    const diagnostics = (await client.diagnostics(uri, 1)).filter((d) => d.source === "wrapup-lint");
    expect(diagnostics.length, stderr).toBeGreaterThan(3);
    expect(diagnostics.every((d) => /^wrapup-[a-z-]+$/.test(d.code ?? "") && d.severity === 2)).toBe(true);
    expect(diagnostics.some((d) => d.code === "wrapup-section-heading")).toBe(true);
    // The preset from .remarkrc.mjs and the server's own are one: no finding twice.
    const keys = diagnostics.map((d) => JSON.stringify([d.range, d.message, d.code]));
    expect(new Set(keys).size).toBe(keys.length);
    // The link is not asked of GitHub from the editor; what the cache knows is shown.
    expect(server.requests).toHaveLength(asked);
    expect(diagnostics.filter((d) => d.code === "wrapup-github-link-resolves").map((d) => d.message)).toEqual([
      "Unexpected link to `gardener/nowhere`, expected a GitHub repository that exists (not found, or private)",
    ]);

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
    await client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    const after = (await client.diagnostics(uri, before + 1)).filter((d) => d.source === "wrapup-lint");
    expect(after.filter((d) => d.data?.expected?.length)).toEqual([]);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(diagnostics.length);
    expect(server.requests).toHaveLength(asked);
  });
});

/** Starts the server in `workspace` as an editor does (npx, stdio) and initializes it. */
async function startServer(
  workspace: string,
  general?: { positionEncodings?: string[] },
): Promise<{ client: Client; encoding: string | undefined }> {
  if (!fs.existsSync(path.join(workspace, "node_modules", ".bin"))) {
    fs.mkdirSync(path.join(workspace, "node_modules", ".bin"));
    fs.symlinkSync(
      "../wrapup-lint/bin/wrapup-lint-language-server.js",
      path.join(workspace, "node_modules", ".bin", "wrapup-lint-language-server"),
    );
  }
  const child = spawn("npx", ["wrapup-lint-language-server", "--stdio"], {
    cwd: workspace,
    env: testEnv(),
    stdio: ["pipe", "pipe", "pipe"],
  });
  const client = new Client(child);
  const init = (await client.connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: "workspace" }],
    capabilities: {
      ...(general ? { general } : {}),
      textDocument: {
        publishDiagnostics: {},
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } } },
      },
    },
  })) as { capabilities: { positionEncoding?: string } };
  await client.connection.sendNotification("initialized", {});
  return { client, encoding: init.capabilities.positionEncoding };
}

async function stop(client: Client): Promise<void> {
  try {
    await client.connection.sendRequest("shutdown");
    await client.connection.sendNotification("exit");
  } finally {
    client.connection.dispose();
    client.child.kill();
  }
}

/** remark-cli's findings (`line:column severity rule`) in `cwd`, from its default report. */
function remarkCli(file: string, cwd: string): string[] {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "remark-cli", "cli.js"), file, "--no-stdout", "--no-color"],
    { cwd, env: testEnv(), encoding: "utf8" },
  );
  return [
    ...(r.stdout + r.stderr).matchAll(
      /^\s*(\d+):(\d+)(?:-\d+:\d+)?\s+(warning|error|info)\s+.*?\s+([\w-]+)\s+wrapup-lint\s*$/gm,
    ),
  ]
    .map((m) => `${m[1]}:${m[2]} ${m[3]} ${m[4]}`)
    .sort();
}

const SEVERITY: Record<number, string> = { 1: "error", 2: "warning", 3: "info" };

describe("the language server reports what remark-cli reports for the same workspace", () => {
  const configs: Record<string, string> = {
    "the preset": 'import preset from "wrapup-lint/remark";\nexport default preset;\n',
    "a rule off, a rule raised to error, a rule's options": [
      'import preset, { plugins } from "wrapup-lint/remark";',
      "export default {",
      "  plugins: [",
      "    preset,",
      '    [plugins["wrapup-section-heading"], false],',
      '    [plugins["wrapup-event-details"], [2]],',
      '    [plugins["wrapup-section-fields"], [1, { order: false }]],',
      "  ],",
      "};",
      "",
    ].join("\n"),
  };
  for (const [name, rc] of Object.entries(configs)) {
    test(name, async () => {
      const text = broken.replace("**Achievements:**", "**Achievementz:**");
      const workspace = project({ ".remarkrc.mjs": rc, "docs/w.md": text });
      const expected = remarkCli("docs/w.md", workspace);
      expect(expected.length).toBeGreaterThan(3);
      const { client } = await startServer(workspace);
      try {
        const uri = pathToFileURL(path.join(workspace, "docs", "w.md")).href;
        await client.connection.sendNotification("textDocument/didOpen", {
          textDocument: { uri, languageId: "markdown", version: 1, text },
        });
        const diagnostics = (await client.diagnostics(uri, 1)).filter((d) => d.source === "wrapup-lint");
        const got = diagnostics
          .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity!]} ${d.code}`)
          .sort();
        expect(got).toEqual(expected);
        if (name !== "the preset") {
          expect(got.some((f) => f.endsWith("wrapup-section-heading"))).toBe(false);
          expect(got.filter((f) => f.endsWith("wrapup-event-details")).every((f) => f.includes(" error "))).toBe(true);
          expect(got.some((f) => f.endsWith("wrapup-event-details"))).toBe(true);
        }
      } finally {
        await stop(client);
      }
    });
  }

  test("the workspace's profile (.wrapup-lint.jsonc): another community's conventions, and an edit to it seen", async () => {
    const dir = path.join(ROOT, "examples", "hack-week");
    const page = fs.readFileSync(path.join(dir, "2025-07_hack-week", "README.md"), "utf8");
    // Two departures from that house: `**Impact:**` throughout where it writes `**Impact**:`, and `Goals` for `Goal`.
    const text = page.replaceAll("**Impact**:", "**Impact:**").replace("**Goal:**", "**Goals:**");
    const profile = fs.readFileSync(path.join(dir, ".wrapup-lint.jsonc"), "utf8");
    const workspace = project({
      ".remarkrc.mjs": configs["the preset"]!,
      ".wrapup-lint.jsonc": profile,
      "hack/README.md": text,
    });
    fs.mkdirSync(path.join(workspace, ".git"));
    const expected = remarkCli("hack/README.md", workspace);
    expect(expected.some((f) => f.endsWith("wrapup-section-fields"))).toBe(true);
    expect(expected.some((f) => f.endsWith("wrapup-field-label"))).toBe(true);
    const { client } = await startServer(workspace);
    try {
      const uri = pathToFileURL(path.join(workspace, "hack", "README.md")).href;
      await client.connection.sendNotification("textDocument/didOpen", {
        textDocument: { uri, languageId: "markdown", version: 1, text },
      });
      const shown = (d: Diagnostic[]): string[] =>
        d
          .filter((x) => x.source === "wrapup-lint")
          .map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${SEVERITY[x.severity!]} ${x.code}`)
          .sort();
      const before = shown(await client.diagnostics(uri, 1));
      expect(before).toEqual(expected);
      expect(before.filter((f) => f.endsWith("wrapup-field-label"))).toHaveLength(9);
      // The house decides `**Impact:**` is right after all: the editor follows the edited profile.
      fs.writeFileSync(
        path.join(workspace, ".wrapup-lint.jsonc"),
        profile.replace(/("label": "Impact",[^}]*"colon": )"outside"/, '$1"inside"'),
      );
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await client.connection.sendNotification("textDocument/didChange", {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text }],
      });
      const after = shown(await client.diagnostics(uri, 2));
      expect(after.some((f) => f.endsWith("wrapup-field-label"))).toBe(false);
      expect(after.some((f) => f.endsWith("wrapup-section-fields"))).toBe(true);
    } finally {
      await stop(client);
    }
  });

  test("a workspace configuration without the suite gets the preset first, and its own settings stay", async () => {
    // remark-cli with a configuration naming only another plugin: the server adds the preset before it.
    const workspace = project({
      ".remarkrc.json": JSON.stringify({ settings: { bullet: "*" }, plugins: [] }),
      "docs/w.md": broken,
    });
    const { client } = await startServer(workspace);
    try {
      const uri = pathToFileURL(path.join(workspace, "docs", "w.md")).href;
      await client.connection.sendNotification("textDocument/didOpen", {
        textDocument: { uri, languageId: "markdown", version: 1, text: broken },
      });
      const diagnostics = (await client.diagnostics(uri, 1)).filter((d) => d.source === "wrapup-lint");
      expect(new Set(diagnostics.map((d) => d.code))).toEqual(
        new Set(["wrapup-event-details", "wrapup-field-label", "wrapup-section-fields", "wrapup-section-heading"]),
      );
    } finally {
      await stop(client);
    }
  });
});

describe("quick fixes use the server's own ranges, in the negotiated position encoding", () => {
  const line = "- 🗓️ **Date:** 24.11.2025–28.11.2025";
  const text = broken;
  const lineNumber = text.split("\n").indexOf(line);
  const at = line.indexOf("24.11.2025–");
  const cases: { name: string; offered?: string[]; encoding: Encoding; skew: Encoding }[] = [
    {
      name: "no encodings offered: UTF-16; the client sends back byte columns (Neovim 0.7)",
      encoding: "utf-16",
      skew: "utf-8",
    },
    {
      name: "UTF-16 offered: UTF-16; the client sends back byte columns",
      offered: ["utf-16"],
      encoding: "utf-16",
      skew: "utf-8",
    },
    {
      name: "UTF-8 preferred (Neovim 0.10+): UTF-8; the client sends back UTF-16 columns",
      offered: ["utf-8", "utf-16", "utf-32"],
      encoding: "utf-8",
      skew: "utf-16",
    },
    { name: "UTF-32 only: UTF-32", offered: ["utf-32"], encoding: "utf-32", skew: "utf-8" },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      expect(lineNumber).toBeGreaterThan(0);
      const workspace = project({ "docs/w.md": text });
      const { client, encoding } = await startServer(
        workspace,
        c.offered ? { positionEncodings: c.offered } : undefined,
      );
      try {
        expect(encoding).toBe(c.encoding);
        const uri = pathToFileURL(path.join(workspace, "docs", "w.md")).href;
        await client.connection.sendNotification("textDocument/didOpen", {
          textDocument: { uri, languageId: "markdown", version: 1, text },
        });
        const diagnostics = await client.diagnostics(uri, 1);
        const date = diagnostics.find((d) => d.code === "wrapup-event-details" && d.range.start.line === lineNumber)!;
        expect(date, JSON.stringify(diagnostics)).toBeDefined();
        // The finding's range counts characters in the negotiated encoding.
        expect(date.range.start.character).toBe(characterIn(line, at, c.encoding));
        expect(date.range.end.character).toBe(characterIn(line, at + "24.11.2025–28.11.2025".length, c.encoding));
        // The client sends it back with columns counted another way, and without its data.
        const skewed = {
          ...date,
          range: {
            start: { line: lineNumber, character: characterIn(line, at, c.skew) },
            end: { line: lineNumber, character: characterIn(line, at + "24.11.2025–28.11.2025".length, c.skew) },
          },
          data: undefined,
        };
        for (const sent of [skewed, { ...skewed, data: date.data }]) {
          const actions = (await client.connection.sendRequest("textDocument/codeAction", {
            textDocument: { uri },
            range: sent.range,
            context: { diagnostics: [sent], only: ["quickfix"] },
          })) as CodeAction[];
          expect(actions).toHaveLength(1);
          const edits = actions[0]!.edit!.changes![uri]!;
          expect(edits).toEqual([{ range: date.range, newText: "24.11.2025 – 28.11.2025" }]);
          const fixed = applyEdits(text, edits, c.encoding);
          // Only the finding's text changed.
          expect(fixed.split("\n")[lineNumber]).toBe("- 🗓️ **Date:** 24.11.2025 – 28.11.2025");
          expect(fixed.replace("24.11.2025 – 28.11.2025", "24.11.2025–28.11.2025")).toBe(text);
        }
        // Text that changed since the finding: no edit is offered on it.
        await client.connection.sendNotification("textDocument/didChange", {
          textDocument: { uri, version: 2 },
          contentChanges: [{ text: text.replace("24.11.2025–", "25.11.2025–") }],
        });
        const stale = (await client.connection.sendRequest("textDocument/codeAction", {
          textDocument: { uri },
          range: date.range,
          context: { diagnostics: [date], only: ["quickfix"] },
        })) as CodeAction[];
        expect(
          stale.flatMap((a) => a.edit?.changes?.[uri] ?? []).every((e) => e.newText !== "24.11.2025 – 28.11.2025"),
        ).toBe(true);
      } finally {
        await stop(client);
      }
    });
  }
});
