/**
 * `wrapup-lint init [DIR]`: learns the house style from the wrap-ups a repository already has
 * and writes it as the profile file every rule and entry point reads (`.wrapup-lint.jsonc` in
 * the working directory, the repository's root). Says what it learned, from how many pages, and
 * how many findings the pages get with it.
 */
import fs from "node:fs";
import path from "node:path";
import { globby } from "globby";
import { lint } from "markdownlint/promise";
import { toMarkdownlintRule } from "../../adapters/markdownlint.js";
import { learn, type LearnReport } from "../../profile/learn.js";
import { forgetProfileFiles, parseProfileText, PROFILE_FILES, resolveProfile } from "../../profile/load.js";
import type { ProfileFile } from "../../profile/types.js";
import { RULES } from "../../../rules/index.js";
import { commandArgs, CommandError, type CommandIo } from "./command.js";

export const INIT_USAGE = `Usage: wrapup-lint init [DIR] [--name NAME] [--output FILE] [--force]

Learn the house style of the wrap-ups under DIR (default: every Markdown file under the working
directory, without node_modules and what .gitignore ignores) and write it as the profile file
.wrapup-lint.jsonc in the working directory, where wrapup-lint, markdownlint-cli2, remark-cli and
the language server find it.

Options:
  --name NAME      the profile's name (default: the working directory's name)
  --output FILE    write the profile to FILE instead
  --force          replace an existing profile file
  --help           show this help`;

export const SCHEMA_URL = "https://github.com/wrapup-lint/wrapup-lint/blob/main/profiles/profile.schema.json";

export async function runInit(argv: string[], io: CommandIo): Promise<number> {
  const parsed = commandArgs(
    "init",
    argv,
    { name: { type: "string" }, output: { type: "string" }, force: { type: "boolean" } },
    INIT_USAGE,
    io,
  );
  if (!parsed) return 0;
  if (parsed.positionals.length > 1)
    throw new CommandError(`init takes one folder, found ${parsed.positionals.length} (see init --help)`);
  const dir = path.resolve(io.cwd, parsed.positionals[0] ?? ".");
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new CommandError(`init: ${shown(io, dir)} is not a folder`);
  const output = path.resolve(io.cwd, parsed.values.output ?? PROFILE_FILES[0]);
  const existing = parsed.values.output ? [output] : PROFILE_FILES.map((f) => path.join(io.cwd, f));
  const present = existing.find((f) => fs.existsSync(f));
  if (present && !parsed.values.force)
    throw new CommandError(`init: ${shown(io, present)} exists; nothing written (--force replaces it)`);

  const files = await globby("**/*.{md,markdown}", {
    cwd: dir,
    absolute: true,
    gitignore: true,
    ignore: ["**/node_modules/**", "**/.git/**"],
    dot: false,
  });
  if (files.length === 0) throw new CommandError(`init: no Markdown files under ${shown(io, dir)}`);
  const root = path.dirname(output);
  const inputs = files.sort().map((file) => {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (error) {
      throw new CommandError(
        `init: cannot read ${shown(io, file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    return { path: path.relative(root, file).split(path.sep).join("/"), text };
  });
  const { profile: learned, report } = learn(inputs);
  if (report.templated.length === 0) {
    throw new CommandError(
      `init: no wrap-ups found among ${files.length} Markdown files under ${shown(io, dir)}: none has project sections (## …) that carry the same labelled fields (**Label:** or ### Label)`,
    );
  }
  const profile: ProfileFile = { $schema: SCHEMA_URL, ...learned, name: parsed.values.name ?? path.basename(io.cwd) };
  const text = profileText(profile, report, output.endsWith(".json"));
  // What is written must read back as what was learned.
  resolveProfile(parseProfileText(text, shown(io, output)), output, root);
  writeAtomically(output, text);
  forgetProfileFiles();

  for (const line of describe(profile, report)) io.out(line);
  io.out(`wrote ${shown(io, output)}`);
  const counts = await findingsWith(
    output,
    report.wrapups.map((p) => path.resolve(root, p)),
  );
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const perFile = [...counts].filter(([, n]) => n > 0).map(([f, n]) => `${shown(io, f)} ${n}`);
  io.out(
    total === 0
      ? `With it, the ${report.wrapups.length} wrap-ups get no finding (GitHub links not asked about here).`
      : `With it, the ${report.wrapups.length} wrap-ups get ${total} finding${total === 1 ? "" : "s"} (${perFile.join(", ")}; GitHub links not asked about here): run wrapup-lint on them to see each.`,
  );
  return 0;
}

function shown(io: CommandIo, file: string): string {
  const relative = path.relative(io.cwd, file);
  return relative === "" ? "." : relative.startsWith("..") ? file : relative;
}

/** The profile as JSON with comments: what it is and where its keys are explained. */
function profileText(profile: ProfileFile, report: LearnReport, plainJson: boolean): string {
  const json = JSON.stringify(profile, null, 2) + "\n";
  if (plainJson) return json;
  return [
    `// wrapup-lint profile: the house conventions of this repository's wrap-ups, learned by`,
    `// \`wrapup-lint init\` from ${report.wrapups.length} pages (${report.templated.length} with project fields).`,
    `// Every rule, markdownlint-cli2, remark-cli and the language server read it. Edit it freely;`,
    `// the keys are explained in ${SCHEMA_URL}.`,
    json,
  ].join("\n");
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new CommandError(
      `init: cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

const list = (items: string[]): string => items.join(", ");

/** What was learned, a line per part. */
export function describe(profile: ProfileFile, report: LearnReport): string[] {
  const lines = [
    `wrapup-lint init: read ${report.read} Markdown files; ${report.wrapups.length} are wrap-ups (${report.templated.length} with project fields, newest ${report.templated[0]}).`,
  ];
  const h1 = profile.wrapups?.h1;
  lines.push(
    `  wrap-ups:      the H1 matches /${h1 ?? "(nothing: set wrapups.h1)"}/i${report.alsoMatched.length > 0 ? `; also ${report.alsoMatched.length} other pages (${list(report.alsoMatched.slice(0, 3))}${report.alsoMatched.length > 3 ? ", …" : ""})` : ""}`,
  );
  const fm = profile.frontMatter;
  if (fm?.schema && typeof fm.schema === "object") {
    const keys = Object.keys((fm.schema["properties"] ?? {}) as object);
    const required = (fm.schema["required"] ?? []) as string[];
    const agrees = fm.titleMatches?.length
      ? `; the title agrees with the ${list(fm.titleMatches.map((m) => (m === "fileName" ? "file name" : m === "h1" ? "H1" : m)))}`
      : "";
    lines.push(
      `  front matter:  ${fm.required ? "on every website page" : "optional"}; ${keys.length} keys (${required.length > 0 ? `${list(required)} required` : "none required"})${fm.weight ? `; weight ${fm.weight}` : ""}${agrees}`,
    );
  } else {
    lines.push(`  front matter:  none`);
  }
  const ed = profile.eventDetails;
  const byLevel = (items: { label: string; level: string }[], level: string): string[] =>
    items.filter((i) => i.level === level).map((i) => i.label);
  if (ed?.items?.length) {
    const parts = (["required", "usual", "optional"] as const)
      .map((l) => (byLevel(ed.items!, l).length ? `${list(byLevel(ed.items!, l))} (${l})` : ""))
      .filter((p) => p);
    lines.push(
      `  event details: ${parts.join("; ")}${ed.date ? `; dates ${ed.date.format}${ed.date.separator ?? " – "}${ed.date.format}` : ""}`,
    );
  } else {
    lines.push(`  event details: none`);
  }
  const fields = profile.fields?.list ?? [];
  const named = (f: (typeof fields)[number]): string =>
    `${f.label}${f.aliases?.length ? ` (or ${f.aliases.join(", ")})` : ""}${f.alternatives?.length ? ` (${f.alternatives.join(", ")} stands in)` : ""}`;
  lines.push(
    `  fields:        ${profile.fields?.style === "heading" ? "### headings on the newest pages" : "**bold labels**"}; ${profile.sections?.emoji === "required" ? "every project heading starts with an emoji" : "project headings without emoji allowed"}`,
  );
  for (const level of ["required", "usual", "optional"] as const) {
    const of = fields.filter((f) => f.level === level);
    if (of.length > 0) lines.push(`    ${level.padEnd(9)} ${list(of.map(named))}`);
  }
  const fixed = fields.filter((f) => f.colon === "inside" || f.colon === "outside");
  if (fixed.length > 0)
    lines.push(`    colon     ${list(fixed.map((f) => `${f.colon} for ${f.label}`))}; one way per page for the others`);
  const next = fields.find((f) => f.role === "next-steps");
  lines.push(
    `    next      ${next ? `${next.label} says what a project leaves to do (role next-steps: WU009 compares it with the states of its links)` : "no field says what a project leaves to do (WU009 reads the field whose role is next-steps)"}`,
  );
  for (const slip of report.slips)
    lines.push(
      `  not learned:   \`${slip.label}\` (${slip.path}:${slip.line}) looks like a slip for \`${slip.likely}\``,
    );
  return lines;
}

/** Findings per page with the new profile (every rule but the one that asks GitHub). */
async function findingsWith(profileFile: string, files: string[]): Promise<Map<string, number>> {
  const before = process.env["WRAPUP_LINT_PROFILE"];
  process.env["WRAPUP_LINT_PROFILE"] = profileFile;
  forgetProfileFiles();
  try {
    const results = await lint({
      files,
      // The rules that ask GitHub (WU007, WU009) are left out: init asks nobody.
      config: {
        default: false,
        wrapup: true,
        ...Object.fromEntries(RULES.filter((r) => r.asynchronous).map((r) => [r.code, false])),
      },
      customRules: RULES.map(toMarkdownlintRule),
      handleRuleFailures: true,
    });
    return new Map(files.map((f) => [f, (results[f] ?? []).length]));
  } finally {
    if (before === undefined) delete process.env["WRAPUP_LINT_PROFILE"];
    else process.env["WRAPUP_LINT_PROFILE"] = before;
    forgetProfileFiles();
  }
}
