/**
 * `wrapup-lint-language-server --stdio`: a language server for any LSP editor, remark and the
 * wrapup-lint preset through unified-engine, the engine remark-cli runs, so that the editor
 * reports what `remark` reports for the same workspace:
 *
 * - Configuration: the workspace's `.remarkrc*` (or `remarkConfig` in package.json) and
 *   `.remarkignore`, found and merged by unified-engine as remark-cli finds them. A configuration
 *   that uses the preset (or any of its rules) is used as it is, exactly as remark-cli uses it; one
 *   that does not gets the preset first, so that its own settings still win (a rule turned off or
 *   raised to an error stays so). Without a configuration the preset runs alone.
 *   (unified-language-server merges the plugins it is given *after* the configuration, which put
 *   every rule back to its defaults: that is why this server drives unified-engine itself.)
 * - Quick fixes: a finding with a certain fix carries its replacement (`message.expected`). The
 *   edit is built from the server's own record of the finding (its range in the text it linted,
 *   and the text found there), never from the range the client sends back, which a client that
 *   counts columns another way gets wrong; a fix whose text has changed since is not offered.
 * - Positions: in the encoding the client prefers among those it offers
 *   (`general.positionEncodings`: utf-8, utf-16 or utf-32; UTF-16 when it offers none), said in
 *   `capabilities.positionEncoding`. Documents are synchronised whole, so no client range is read.
 *
 * GitHub links are answered from the link cache only (the bin marks the process as an editor;
 * `WRAPUP_LINT_OFFLINE=0` in the server's environment turns network checks on).
 */
import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { remark } from "remark";
import type { Preset } from "unified";
import { engine } from "unified-engine";
import { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type Range,
} from "vscode-languageserver/node.js";
import { TextDocument } from "vscode-languageserver-textdocument";
import preset from "../adapters/remark.js";

export type PositionEncoding = "utf-8" | "utf-16" | "utf-32";

/** The client's first offered encoding this server speaks; UTF-16 (the protocol's default) otherwise. */
export function chooseEncoding(offered: readonly string[] | undefined): PositionEncoding {
  for (const encoding of offered ?? [])
    if (encoding === "utf-8" || encoding === "utf-16" || encoding === "utf-32") return encoding;
  return "utf-16";
}

/** A UTF-16 column (0-based, as JavaScript strings count) of `line` in `encoding`. */
export function toCharacter(line: string, column: number, encoding: PositionEncoding): number {
  const before = line.slice(0, Math.max(0, Math.min(column, line.length)));
  if (encoding === "utf-16") return before.length;
  if (encoding === "utf-8") return Buffer.byteLength(before, "utf8");
  let count = 0;
  for (const _ of before) count++;
  return count;
}

/** A finding as this server published it: where it stands in the text it linted, and its fix. */
interface Published {
  diagnostic: Diagnostic;
  /** UTF-16 offsets into the linted text. */
  start: number;
  end: number;
  /** The text the fix replaces, as it was when linted. */
  actual: string;
  expected: string[];
}

/** Whether a configuration already holds the preset or one of its rules (then it is used as it is). */
function usesSuite(value: unknown, seen = new Set<unknown>()): boolean {
  if (value === null || value === undefined || seen.has(value)) return false;
  if (typeof value === "string") return /wrapup-lint/.test(value);
  if (typeof value === "function") return /^wrapup-lint:/.test(value.name);
  if (typeof value !== "object") return false;
  seen.add(value);
  if (value === preset) return true;
  const entries = Array.isArray(value) ? value : Object.entries(value as Record<string, unknown>).flat();
  return entries.some((entry) => usesSuite(entry, seen));
}

/** A workspace configuration with the preset first, unless it has the suite already. */
function withPreset(config: unknown): unknown {
  if (config === null || typeof config !== "object") return config;
  const plugins = (config as { plugins?: unknown }).plugins;
  if (usesSuite(plugins)) return config;
  if (plugins === undefined || plugins === null) return { ...config, plugins: [preset] };
  if (Array.isArray(plugins)) return { ...config, plugins: [preset, ...plugins] };
  // A map of plugin name to options: the preset's entries first, the map's after them.
  return { ...config, plugins: [preset, ...Object.entries(plugins as Record<string, unknown>)] };
}

/** Lints `file` as remark-cli would in `cwd`, with the preset unless the configuration has it. */
function lint(file: VFile, cwd: string): Promise<VFile> {
  return new Promise((resolve) => {
    engine(
      {
        processor: remark,
        cwd,
        files: [file],
        rcName: ".remarkrc",
        packageField: "remarkConfig",
        ignoreName: ".remarkignore",
        pluginPrefix: "remark",
        // Found configuration files get the preset first; without one, the preset alone.
        configTransform: (config: unknown) => withPreset(config) as Preset,
        defaultConfig: { plugins: [preset] } as Preset,
        silentlyIgnore: true,
        quiet: false,
        streamError: new PassThrough(),
        streamOut: new PassThrough(),
      },
      (error) => {
        if (error) file.message(error).fatal = true;
        resolve(file);
      },
    );
  });
}

/** The folder a document is linted from: the innermost workspace folder, else its package or repository. */
function workspaceOf(file: string, folders: string[]): string {
  const inside = folders.filter((folder) => file.startsWith(folder + path.sep)).sort((a, b) => b.length - a.length)[0];
  if (inside) return inside;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json")) || fs.existsSync(path.join(dir, ".git"))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(file);
  }
}

export function startLanguageServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const folders: string[] = [];
  let encoding: PositionEncoding = "utf-16";
  /** Per document: the version linted and its findings, as published. */
  const published = new Map<string, { version: number; findings: Published[] }>();

  const toRange = (text: string, starts: number[], start: number, end: number): Range => {
    const position = (offset: number) => {
      let line = 0;
      let lo = 0;
      let hi = starts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= offset) {
          line = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const lineEnd = line + 1 < starts.length ? starts[line + 1]! : text.length;
      const lineText = text.slice(starts[line], lineEnd).replace(/\r?\n$/, "");
      return { line, character: toCharacter(lineText, offset - starts[line]!, encoding) };
    };
    return { start: position(start), end: position(end) };
  };

  async function check(document: TextDocument): Promise<void> {
    if (!document.uri.startsWith("file:")) return;
    const filePath = fileURLToPath(document.uri);
    const text = document.getText();
    const version = document.version;
    const file = await lint(
      new VFile({ path: filePath, cwd: workspaceOf(filePath, folders), value: text }),
      workspaceOf(filePath, folders),
    );
    // A newer version is being linted: this answer is stale.
    if (documents.get(document.uri)?.version !== version) return;
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    const offsetOf = (point: { line?: number; column?: number } | undefined): number => {
      const line = Math.min(Math.max((point?.line ?? 1) - 1, 0), starts.length - 1);
      const lineEnd = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
      return Math.min(starts[line]! + Math.max((point?.column ?? 1) - 1, 0), lineEnd);
    };
    const findings: Published[] = file.messages.map((message: VFileMessage, index) => {
      const place = message.place as
        | {
            start?: { line: number; column: number };
            end?: { line: number; column: number };
            line?: number;
            column?: number;
          }
        | undefined;
      const start = offsetOf(
        place && "start" in place ? place.start : (place as { line?: number; column?: number } | undefined),
      );
      const end = place && "end" in place && place.end ? Math.max(start, offsetOf(place.end)) : start;
      const expected = (message.expected ?? []).filter((e): e is string => typeof e === "string");
      const diagnostic: Diagnostic = {
        range: toRange(text, starts, start, end),
        message: message.reason + (message.note ? `\n${message.note}` : ""),
        severity:
          message.fatal === true
            ? DiagnosticSeverity.Error
            : message.fatal === false
              ? DiagnosticSeverity.Warning
              : DiagnosticSeverity.Information,
        ...(message.ruleId ? { code: message.ruleId } : {}),
        ...(message.source ? { source: message.source } : {}),
        ...(message.url ? { codeDescription: { href: message.url } } : {}),
        // `index` finds this finding again when a client sends it back with a quick-fix request.
        ...(expected.length > 0 ? { data: { expected, index } } : {}),
      };
      return { diagnostic, start, end, actual: text.slice(start, end), expected };
    });
    published.set(document.uri, { version, findings });
    await connection.sendDiagnostics({ uri: document.uri, version, diagnostics: findings.map((f) => f.diagnostic) });
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    for (const folder of params.workspaceFolders ?? [])
      if (folder.uri.startsWith("file:")) folders.push(fileURLToPath(folder.uri));
    if (folders.length === 0 && params.rootUri?.startsWith("file:")) folders.push(fileURLToPath(params.rootUri));
    encoding = chooseEncoding(params.capabilities.general?.positionEncodings);
    return {
      capabilities: {
        positionEncoding: encoding,
        textDocumentSync: TextDocumentSyncKind.Full,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: "wrapup-lint-language-server" },
    };
  });

  documents.onDidChangeContent((event) => void check(event.document));
  documents.onDidClose((event) => {
    published.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  // A configuration file changed: lint every open document again.
  connection.onDidChangeWatchedFiles(() => {
    for (const document of documents.all()) void check(document);
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const record = published.get(params.textDocument.uri);
    // Findings of another version of the text: no edit is offered on text they were not made from.
    if (!document || !record || record.version !== document.version) return [];
    const text = document.getText();
    const actions: CodeAction[] = [];
    const used = new Set<Published>();
    for (const sent of params.context.diagnostics) {
      // The server's own finding: by the index it published, else by rule, message and line.
      const index = (sent.data as { index?: unknown } | undefined)?.index;
      const same = (f: Published): boolean => f.diagnostic.message === sent.message && f.diagnostic.code === sent.code;
      let finding = typeof index === "number" ? record.findings[index] : undefined;
      if (!finding || !same(finding))
        finding = record.findings.find(
          (f) => same(f) && f.diagnostic.range.start.line === sent.range.start.line && f.expected.length > 0,
        );
      if (!finding || finding.expected.length === 0 || used.has(finding)) continue;
      used.add(finding);
      // The text the fix replaces must still be there, where it was.
      if (text.slice(finding.start, finding.end) !== finding.actual) continue;
      for (const replacement of finding.expected) {
        const empty = finding.start === finding.end;
        actions.push({
          title:
            replacement === ""
              ? `Remove \`${finding.actual}\``
              : empty
                ? `Insert \`${replacement}\``
                : `Replace \`${finding.actual}\` with \`${replacement}\``,
          kind: CodeActionKind.QuickFix,
          diagnostics: [finding.diagnostic],
          ...(finding.expected.length === 1 ? { isPreferred: true } : {}),
          edit: { changes: { [document.uri]: [{ range: finding.diagnostic.range, newText: replacement }] } },
        });
      }
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
}
