/**
 * Faults a draft has, put into copies of clean wrap-ups: a required field dropped, emptied,
 * misspelt, doubled or mis-cased; a label written two ways or with its colon moved; a heading
 * without its emoji or its space, or swallowed by the HTML block above it; an event detail
 * dropped; mojibake; a doubled variation selector. Each fault knows the finding it must cause
 * (rule and line in the changed page). Which faults apply follows the profile: only a field the
 * house requires can be missing, only a label the page writes three times or more can be
 * written a second way.
 */
import { eventDetailsOf } from "../../src/model/structure.js";
import iconv from "iconv-lite";
import { leadingEmoji } from "../../src/wrapup/emoji.js";
import type { WrapupModel } from "../../src/model/types.js";
import type { Profile } from "../../src/profile/types.js";
import { fieldsOf, hasTemplateFields, projectSections } from "../../src/wrapup/sections.js";
import { remarkModel } from "./models.js";

export interface Fault {
  kind: string;
  /** The page with the fault. */
  text: string;
  /** The finding it must cause: rule code, line in the changed page, and a part of its message. */
  code: string;
  line: number;
  says: string;
  /** Where a line of the clean page is now (null: gone); for the other findings, which must stay. */
  shift: (line: number) => number | null;
  /** False where the fault changes what the page means around it (a swallowed heading). */
  othersStay: boolean;
}

/** Lines [from, to] (1-based, inclusive) replaced by `insert`. */
function replace(
  lines: string[],
  from: number,
  to: number,
  insert: string[],
): { text: string; shift: (line: number) => number | null } {
  const out = [...lines.slice(0, from - 1), ...insert, ...lines.slice(to)];
  const delta = insert.length - (to - from + 1);
  return {
    text: out.join("\n"),
    shift: (line) => (line < from ? line : line > to ? line + delta : insert.length === to - from + 1 ? line : null),
  };
}

/** The last line of a field: up to the next field or the end of its section, blank lines off. */
function fieldEnd(lines: string[], next: number): number {
  let end = next - 1;
  while (end > 0 && lines[end - 1]!.trim() === "") end--;
  return end;
}

/** Two letters in the middle of a word swapped: `Achievements` → `Achievmeents`. */
function misspell(label: string): string {
  const words = label.split(" ");
  const i = words.reduce((best, w, k) => (w.length > words[best]!.length ? k : best), 0);
  const w = words[i]!;
  const at = Math.max(1, Math.floor(w.length / 2) - 1);
  words[i] = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
  return words.join(" ");
}

/** Every fault that applies to `text` under `profile`, a few sections each. */
export function faultsOf(text: string, profile: Profile, path = "doc.md"): Fault[] {
  const model = remarkModel(text, path);
  const lines = text.split("\n");
  const faults: Fault[] = [];
  const sections = projectSections(model, profile).filter((s) => hasTemplateFields(s, profile) && s.fields.length >= 3);
  // The first, a middle and the last project section.
  const picked = [
    ...new Set([sections[0], sections[Math.floor(sections.length / 2)], sections[sections.length - 1]]),
  ].filter((s) => s !== undefined);
  const page = sections.flatMap((s) => fieldsOf(s, profile));
  const usesOf = (label: string) => page.filter((c) => c.spec && c.spec.label === label);
  /** A fault: lines [from, to] of the page replaced by `insert`. */
  const fault = (f: Omit<Fault, "text" | "shift">, from: number, to: number, insert: string[]): void => {
    const r = replace(lines, from, to, insert);
    faults.push({ ...f, text: r.text, shift: r.shift });
  };

  picked.forEach((section, s) => {
    const before = faults.length;
    const classified = fieldsOf(section, profile);
    const heading = section.heading;
    for (const [k, c] of classified.entries()) {
      const { field } = c;
      const spec = c.spec;
      if (!spec || c.match !== "exact") continue;
      const next = k + 1 < classified.length ? classified[k + 1]!.field.line : section.endLine + 1;
      const end = fieldEnd(lines, next);
      // A required field dropped (the page carries it elsewhere: it is the page's template).
      if (spec.level === "required" && page.some((o) => o.spec === spec && o.field !== field)) {
        fault(
          { kind: "missing", code: "WU003", line: heading.line, says: `Missing \``, othersStay: true },
          field.line,
          Math.min(next - 1, lines.length),
          [],
        );
      }
      // Its value emptied.
      if (end > field.line || field.value.trim() !== "") {
        const labelLine =
          field.style === "heading"
            ? lines[field.line - 1]!
            : lines[field.line - 1]!.slice(0, field.labelSpan.end.column - 1);
        fault(
          { kind: "empty", code: "WU003", line: field.line, says: "Unexpected empty", othersStay: true },
          field.line,
          end,
          [labelLine],
        );
        // Or left as the draft's stand-in.
        fault(
          {
            kind: "placeholder",
            code: "WU003",
            line: field.line,
            says: "Unexpected placeholder `TBD`",
            othersStay: true,
          },
          field.line,
          end,
          field.style === "heading" ? [labelLine, "", "TBD"] : [`${labelLine} TBD`],
        );
      }
      // A heading field one level too high: it ends the project (a required one goes missing too).
      if (field.style === "heading") {
        fault(
          {
            kind: "field-as-h2",
            code: "WU004",
            line: field.line,
            says: "a field of the project above",
            othersStay: false,
          },
          field.line,
          field.line,
          [`## ${field.label}`],
        );
      }
      // Misspelt.
      const wrong = misspell(field.label);
      if (wrong !== field.label) {
        fault(
          { kind: "misspelt", code: "WU003", line: field.line, says: "did you mean", othersStay: true },
          field.line,
          field.line,
          [spliceText(lines[field.line - 1]!, field.labelTextSpan.start.column, field.label.length, wrong)],
        );
      }
      // Doubled: the field again right after itself.
      {
        const block = lines.slice(field.line - 1, end);
        fault(
          { kind: "duplicate", code: "WU003", line: end + 2, says: "Unexpected second", othersStay: true },
          field.line,
          end,
          [...block, "", ...block],
        );
      }
      // Mis-cased: its last word in lower case.
      const lower = field.label.replace(/(\S+)$/, (w) => w.toLowerCase());
      if (lower !== field.label) {
        fault(
          { kind: "mis-cased", code: "WU004", line: field.line, says: "spelling", othersStay: true },
          field.line,
          field.line,
          [spliceText(lines[field.line - 1]!, field.labelTextSpan.start.column, field.label.length, lower)],
        );
      }
      const uses = usesOf(spec.label);
      const laterUse = uses.length >= 3 && uses[0]!.field !== field;
      // The colon moved, where the page (three uses or more) or the house fixes its place.
      if (field.style === "bold" && field.colon !== "none" && (laterUse || spec.colon !== "consistent")) {
        const marker = field.labelSpan.text.slice(0, 2);
        const moved =
          field.colon === "inside" ? `${marker}${field.label}${marker}:` : `${marker}${field.label}:${marker}`;
        const source = lines[field.line - 1]!;
        fault(
          { kind: "colon", code: "WU004", line: field.line, says: "colon", othersStay: true },
          field.line,
          field.line,
          [spliceText(source, field.labelSpan.start.column, field.labelSpan.text.length, moved)],
        );
      }
      // A label written a second way (an alias where the page uses the label).
      if (laterUse && spec.aliases.length > 0) {
        const other = [spec.label, ...spec.aliases].find((s) => s !== field.label)!;
        fault(
          { kind: "two-ways", code: "WU004", line: field.line, says: "spelling", othersStay: true },
          field.line,
          field.line,
          [spliceText(lines[field.line - 1]!, field.labelTextSpan.start.column, field.label.length, other)],
        );
      }
    }
    const content = heading.content;
    const emoji = leadingEmoji(content.text);
    if (emoji) {
      const source = lines[heading.line - 1]!;
      const at = content.start.column - 1 + emoji.length;
      if (source[at] === " ") {
        fault(
          { kind: "heading-space", code: "WU005", line: heading.line, says: "without a space", othersStay: true },
          heading.line,
          heading.line,
          [source.slice(0, at) + source.slice(at + 1)],
        );
      }
      if (profile.sections.emoji === "required") {
        fault(
          {
            kind: "heading-emoji",
            code: "WU005",
            line: heading.line,
            says: "without a leading emoji",
            othersStay: true,
          },
          heading.line,
          heading.line,
          [source.slice(0, content.start.column - 1) + source.slice(at).trimStart()],
        );
      }
      // Mojibake: the heading's UTF-8 read as Windows-1252.
      const damaged = iconv.decode(Buffer.from(source, "utf8"), "win1252");
      fault(
        { kind: "mojibake", code: "WU008", line: heading.line, says: "looks like", othersStay: false },
        heading.line,
        heading.line,
        [damaged],
      );
    }
    // The heading swallowed by an HTML block directly above it.
    if (lines[heading.line - 2] === "") {
      fault(
        {
          kind: "hidden-heading",
          code: "WU005",
          line: heading.line + 2,
          says: "inside an HTML block",
          othersStay: false,
        },
        heading.line - 1,
        heading.line - 1,
        ["", "<div>", "</div>"],
      );
    }
    // The first project's title copied onto this one (a section copied and never renamed).
    const firstHeading = sections[0]!.heading;
    if (firstHeading !== heading && emoji) {
      const firstEmoji = leadingEmoji(firstHeading.content.text) ?? "";
      const title = firstHeading.content.text.slice(firstEmoji.length).trim();
      const source = lines[heading.line - 1]!;
      const at = content.start.column - 1 + emoji.length;
      fault(
        { kind: "copied-title", code: "WU005", line: heading.line, says: "second project", othersStay: true },
        heading.line,
        heading.line,
        [`${source.slice(0, at)} ${title}`],
      );
    }
    // One fault of each kind per section, on a field that moves from section to section.
    const made = faults.splice(before);
    const kinds = [...new Set(made.map((f) => f.kind))];
    for (const [k, kind] of kinds.entries()) {
      const of = made.filter((f) => f.kind === kind);
      faults.push(of[(s + k) % of.length]!);
    }
  });
  faults.push(...eventFaults(model, lines, profile));
  // A doubled variation selector after an emoji that has one.
  const vs = lines.findIndex(
    (l, i) => i > (model.h1?.line ?? 0) && /\p{Extended_Pictographic}\uFE0F(?!\uFE0F)/u.test(l),
  );
  if (vs >= 0) {
    fault(
      { kind: "doubled-vs", code: "WU008", line: vs + 1, says: "variation selector", othersStay: true },
      vs + 1,
      vs + 1,
      [lines[vs]!.replace(/(\p{Extended_Pictographic}\uFE0F)(?!\uFE0F)/u, "$1\uFE0F")],
    );
  }
  return faults;
}

function eventFaults(model: WrapupModel, lines: string[], profile: Profile): Fault[] {
  const details = eventDetailsOf(model);
  if (!details) return [];
  const faults: Fault[] = [];
  for (const spec of profile.eventDetails.items.filter((i) => i.level === "required")) {
    const item = details.items.find((i) => i.label.toLowerCase() === spec.label.toLowerCase());
    if (!item || details.items.length < 2) continue;
    const r = replace(lines, item.line, item.line, []);
    // Reported on the list's first line.
    faults.push({
      kind: "event-missing",
      text: r.text,
      code: "WU002",
      line: details.line,
      says: `Missing \`${spec.label}\``,
      shift: r.shift,
      othersStay: true,
    });
    // Its label in lower case: fixed to the house's.
    if (item.label.toLowerCase() !== item.label && lines[item.line - 1]!.includes(item.label)) {
      const c = replace(lines, item.line, item.line, [
        lines[item.line - 1]!.replace(item.label, item.label.toLowerCase()),
      ]);
      faults.push({
        kind: "event-mis-cased",
        text: c.text,
        code: "WU002",
        line: item.line,
        says: `expected \`${item.label}\``,
        shift: c.shift,
        othersStay: true,
      });
    }
    // Its label misspelt: named on its own line.
    const source = lines[item.line - 1]!;
    const wrong = misspell(item.label);
    const at = source.indexOf(item.label);
    if (wrong !== item.label && at >= 0) {
      const m = replace(lines, item.line, item.line, [spliceText(source, at + 1, item.label.length, wrong)]);
      faults.push({
        kind: "event-misspelt",
        text: m.text,
        code: "WU002",
        line: item.line,
        says: `did you mean \`${spec.label}\``,
        shift: m.shift,
        othersStay: true,
      });
    }
  }
  return faults;
}

function spliceText(text: string, column: number, length: number, insert: string): string {
  return text.slice(0, column - 1) + insert + text.slice(column - 1 + length);
}
