/**
 * `wrapup-lint new [YYYY-MM]`: writes the next wrap-up from the profile: front matter with the
 * right title and weight, the H1, the event details list, one project section with every field
 * of the template, each left empty for its author (the only findings the new page gets).
 */
import fs from "node:fs";
import path from "node:path";
import { MONTHS } from "../../wrapup/dates.js";
import { profileFor, ProfileError } from "../../profile/load.js";
import type { Profile } from "../../profile/types.js";
import { commandArgs, CommandError, type CommandIo } from "./command.js";

export const NEW_USAGE = `Usage: wrapup-lint new [YYYY-MM] [--output FILE] [--force]

Write the wrap-up of the event in month YYYY-MM (default: this month) from the profile
(.wrapup-lint.jsonc, or the bundled Gardener profile): front matter, H1, event details and one
project section with every field, each left empty for you to fill in.

Options:
  --output FILE    where to write it (default: the profile's template path)
  --force          replace an existing file
  --help           show this help`;

/** `{YYYY}`, `{MM}`, `{Month}` in a template, for the event's month. */
export function fill(template: string, year: number, month: number): string {
  const mm = String(month).padStart(2, "0");
  return template
    .replaceAll("{YYYY}", String(year))
    .replaceAll("{MM}", mm)
    .replaceAll("{Month}", MONTHS[month - 1]!);
}

/** The new wrap-up's text. */
export function newWrapup(profile: Profile, year: number, month: number): string {
  const t = profile.template;
  const parts: string[] = [];
  let frontMatter = t.frontMatter;
  if (frontMatter === null && profile.frontMatter.required) {
    const lines = [`title: "{Month} {YYYY}"`];
    if (profile.frontMatter.weight)
      lines.push(`weight: ${profile.frontMatter.weight === "-YYYYMM" ? "-" : ""}{YYYY}{MM}`);
    frontMatter = lines.join("\n");
  }
  if (frontMatter !== null) parts.push(`---\n${fill(frontMatter, year, month)}\n---\n`);
  parts.push(`# ${fill(t.h1 ?? "{Month} {YYYY} Wrap Up", year, month)}\n`);
  if (t.eventDetails.length > 0) parts.push(t.eventDetails.map((line) => fill(line, year, month)).join("\n") + "\n");
  parts.push(`## ${t.sectionHeading}\n`);
  // Each field on its own, its value left empty for the author.
  for (const label of t.fields) parts.push(`${label}\n`);
  return parts.join("\n");
}

export async function runNew(argv: string[], io: CommandIo): Promise<number> {
  const parsed = commandArgs("new", argv, { output: { type: "string" }, force: { type: "boolean" } }, NEW_USAGE, io);
  if (!parsed) return 0;
  if (parsed.positionals.length > 1)
    throw new CommandError(`new takes one month, found ${parsed.positionals.length} (see new --help)`);
  const now = new Date();
  const given = parsed.positionals[0] ?? `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(given);
  if (!m) throw new CommandError(`new: ${JSON.stringify(given)} is not a month, expected YYYY-MM such as 2026-11`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  let profile: Profile;
  try {
    profile = profileFor(path.join(io.cwd, "new-wrapup.md"));
  } catch (error) {
    if (error instanceof ProfileError) throw new CommandError(error.message);
    throw error;
  }
  const target = parsed.values.output
    ? path.resolve(io.cwd, parsed.values.output)
    : path.resolve(profile.dir ?? io.cwd, fill(profile.template.path ?? "{YYYY}-{MM}.md", year, month));
  const shown = path.relative(io.cwd, target) || target;
  if (fs.existsSync(target) && !parsed.values.force)
    throw new CommandError(`new: ${shown} exists; nothing written (--force replaces it)`);
  const text = newWrapup(profile, year, month);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text, { flag: parsed.values.force ? "w" : "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CommandError(
      code === "EEXIST"
        ? `new: ${shown} exists; nothing written (--force replaces it)`
        : `new: cannot write ${shown}: ${code ?? (error as Error).message}`,
    );
  }
  io.out(
    `wrote ${shown} (profile ${profile.name}): fill in the event details and the project section; until then wrapup-lint reports each empty field and the project's title as the template wrote it.`,
  );
  return 0;
}
