/**
 * A second community, built from the real Gardener wrap-ups so that its pages are as real as
 * theirs: every label renamed consistently (Goal / Impact / Results / Follow-ups / Links …),
 * another H1, other event details and dates in ISO form, colons placed the other way, no front
 * matter, each page a README.md in its event's folder as a repository renders it. The few real
 * slips of the Gardener pages are mended on the way (their house style is what `init` learns;
 * a slip would be learned as a slip), so the pages are clean and every finding on them after
 * `init` is a fault put in on purpose.
 */
import { readWrapup, wrapups } from "./real-pages.js";

/** Gardener label → this community's label. */
export const LABELS: Record<string, string> = {
  "Problem Statement": "Goal",
  "Motivation/Benefits": "Impact",
  "Motivation & Benefits": "Impact",
  Achievements: "Results",
  Outcome: "Decision",
  "Next Steps": "Follow-ups",
  "Next steps": "Follow-ups",
  Code: "Links",
  "Code/Pull Requests": "Links",
  "Code & Pull Requests": "Links",
  Repo: "Repository",
  Issue: "Tickets",
  Tracking: "Tracker",
  "GEP Document": "Proposal",
  Conclusion: "Takeaway",
};

/** Event details: Gardener label → this community's. */
const ITEMS: Record<string, string> = {
  Date: "When",
  Location: "Where",
  Organizer: "Host",
  Topics: "Agenda",
  "Review Meeting Summary": "Recording",
};

/** Where this community puts the colon of a bold label: `**Goal:**`, `**Impact**:` and so on. */
const INSIDE = new Set(["Goal", "Results"]);

const isoDate = (d: string): string =>
  d.replace(
    /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/,
    (_m, day: string, month: string, year: string) => `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`,
  );

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const labelAlternation = Object.keys(LABELS)
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join("|");
const BOLD = new RegExp(`^(>\\s*)?\\*\\*(${labelAlternation})(:?)\\*\\*(:?)`);
const HEADING = new RegExp(`^### (${labelAlternation}):?\\s*$`);
const ITEM = new RegExp(`^(- .*?)\\*\\*(${Object.keys(ITEMS).map(escape).join("|")})(:?)\\*\\*(:?)(.*)$`);

/** One Gardener page as this community writes it; null for a page the community would not have. */
export function translate(text: string): string {
  let lines = text.split("\n");
  // No front matter: the pages live in a repository, rendered by GitHub.
  if (lines[0] === "---") lines = lines.slice(lines.indexOf("---", 1) + 1);
  while (lines[0] === "") lines.shift();
  return lines
    .map((line) => {
      const h1 = /^# Hack The Garden (?:.*? )?(\d{2})\/(\d{4}) Wrap Up$/.exec(line);
      if (h1) return `# Open Source Hack Week ${h1[2]}-${h1[1]} Report`;
      const item = ITEM.exec(line);
      if (item) {
        const label = ITEMS[item[2]!]!;
        let value = item[5]!;
        const range = /^\s*(\S+)\s*–\s*(\S+)\s*$/.exec(value);
        if (range) value = ` ${isoDate(range[1]!)} – ${isoDate(range[2]!)}`;
        return `${item[1]}**${label}:**${value}`;
      }
      const bold = BOLD.exec(line);
      if (bold) {
        const label = LABELS[bold[2]!]!;
        const form = INSIDE.has(label) ? `**${label}:**` : `**${label}**:`;
        return `${bold[1] ?? ""}${form}${line.slice(bold[0].length)}`;
      }
      const heading = HEADING.exec(line);
      if (heading) return `### ${LABELS[heading[1]!]!}`;
      // The one doubled variation selector of the Gardener pages (2025-11), mended.
      return line.replace(/\u2696\uFE0F\uFE0F/g, "\u2696\uFE0F");
    })
    .join("\n");
}

/** The community's pages: `YYYY-MM_hack-week/README.md` → text. */
export function communityPages(): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const name of wrapups()) {
    pages[`${name.slice(0, 7)}_hack-week/README.md`] = translate(readWrapup(name));
  }
  return pages;
}
