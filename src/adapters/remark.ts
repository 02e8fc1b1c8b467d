/**
 * remark adapter: each wrap-up rule becomes a unified-lint-rule plugin reading the mdast tree
 * remark already parsed; findings become vfile messages, fixes their `expected` text.
 *
 *   import preset from "wrapup-lint/remark";  // .remarkrc.mjs: export default preset
 */
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMessageControl from "remark-message-control";
import type { Preset, Processor } from "unified";
import { lintRule } from "unified-lint-rule";
import type { VFile } from "vfile";
import { modelFromMdast } from "../model/from-mdast.js";
import { resolveOptions } from "../core/options.js";
import { runRule } from "../core/run-rule.js";
import { ProfileError, profileFor } from "../profile/load.js";
import { docUrl, type Located, type AnyRule } from "../core/rule.js";
import { RULES } from "../../rules/index.js";

export const SOURCE = "wrapup-lint";

export function toRemarkRule(rule: AnyRule) {
  const plugin = lintRuleOf(rule);
  // Options are checked when the plugin is configured, so that a bad option stops the run with
  // one line instead of a warning with a stack trace on every file.
  const configured = function (this: Processor, config?: unknown) {
    const options =
      Array.isArray(config) &&
      (typeof config[0] === "number" || typeof config[0] === "string" || typeof config[0] === "boolean")
        ? config[1]
        : config;
    if (
      options !== undefined &&
      typeof options !== "number" &&
      typeof options !== "string" &&
      typeof options !== "boolean"
    ) {
      try {
        resolveOptions(rule, options);
      } catch (error) {
        // No stack: the reporter prints it, and the line says all there is to say.
        const clean = new Error((error as Error).message);
        clean.stack = clean.message;
        throw clean;
      }
    }
    return plugin.call(this, config as never);
  };
  Object.defineProperty(configured, "name", { value: plugin.name });
  return configured as unknown as typeof plugin;
}

function lintRuleOf(rule: AnyRule) {
  return lintRule<Root, unknown>({ origin: `${SOURCE}:${rule.name}`, url: docUrl(rule) }, (tree, file, given) => {
    const found = runRule(rule, modelFromMdast(tree, file), given);
    // unified-lint-rule waits for a rule that returns a promise.
    if (found instanceof Promise) return found.then((findings) => findings.forEach((f) => report(file, f)));
    for (const finding of found) report(file, finding);
  });
}

export function report(file: VFile, finding: Located): void {
  const fix = finding.fix;
  const place = fix
    ? { start: { line: fix.line, column: fix.column }, end: { line: fix.line, column: fix.column + fix.deleteCount } }
    : finding.column !== undefined
      ? {
          start: { line: finding.line, column: finding.column },
          end: { line: finding.line, column: finding.column + (finding.length ?? 1) },
        }
      : { line: finding.line, column: 1 };
  const message = file.message(finding.message, { place });
  if (fix) message.expected = [fix.insertText];
  if (finding.context !== undefined) message.actual = finding.context;
}

/**
 * Lets `<!--lint disable wrapup-section-fields-->` reach our messages, and those of any
 * remark-lint rule a project adds beside the preset: what remark-lint's core plugin does, in one
 * pass for both sources (so the preset does not bring remark-lint itself, and pays one pass, not
 * two). Like remark-lint, it attaches from inside an attacher, so that it runs after every rule.
 */
export function wrapupMessageControl(this: Processor): void {
  this.use(messageControlToEnd);
}

/**
 * remark-message-control drops every message that stands after the document's last leaf (it
 * takes the rest of the file for a gap), such as a finding in the URL of a page's last link.
 * Our findings always stand in the source, so it sees the tree as ending at the file's end.
 */
const CONTROLLED = [SOURCE, "remark-lint"];

function messageControlToEnd() {
  const control = remarkMessageControl({ name: "lint", source: CONTROLLED }) as unknown as (
    tree: Root,
    file: VFile,
  ) => void;
  return (tree: Root, file: VFile): void => {
    // Nothing to filter without a lint message, nothing to filter by without a comment: most
    // pages, and then this costs nothing.
    if (!file.messages.some((m) => m.source !== undefined && m.source !== null && CONTROLLED.includes(m.source)))
      return;
    if (!String(file.value ?? "").includes("<!--")) return;
    const end = tree.position?.end;
    if (!end || end.offset === undefined) return control(tree, file);
    let last = 0;
    const visit = (node: { position?: { end: { offset?: number } } | undefined; children?: unknown[] }): void => {
      if (!node.children && node.position?.end.offset !== undefined) last = Math.max(last, node.position.end.offset);
      for (const child of node.children ?? []) visit(child as typeof node);
    };
    visit(tree);
    // Same children, same comments; only the end moves to where the last leaf ends.
    const view = {
      ...tree,
      position: { start: tree.position!.start, end: { ...end, offset: Math.min(last, end.offset) } },
    } as Root;
    control(view, file);
  };
}

/**
 * Each rule's plugin by its name, the same plugins the preset uses, so that a user can set one
 * rule's options or severity after the preset:
 * `plugins: [preset, [plugins["wrapup-section-fields"], [2, { order: false }]]]`.
 */
export const plugins: Record<string, ReturnType<typeof toRemarkRule>> = Object.fromEntries(
  RULES.map((rule) => [rule.name, toRemarkRule(rule)]),
);

/**
 * A profile file that cannot be used stops the file with one fatal message (a lint rule's error
 * would become a message with the rule's severity, a warning that lets the run pass).
 */
export function wrapupProfileCheck() {
  return (_tree: Root, file: VFile): void => {
    try {
      profileFor(file.path || null);
    } catch (error) {
      if (error instanceof ProfileError) file.fail(error.message);
      throw error;
    }
  };
}

/** Parse front matter and GFM, let `<!--lint disable …-->` reach lint messages, run every rule. */
const preset: Preset = {
  plugins: [
    [remarkFrontmatter, ["yaml", "toml"]],
    remarkGfm,
    wrapupProfileCheck,
    wrapupMessageControl,
    ...Object.values(plugins),
  ],
};

export default preset;
