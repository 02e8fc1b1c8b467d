/**
 * WU005 wrapup-section-heading: a project heading starts with exactly one emoji (an RGI emoji
 * sequence), one space, then the title; and a heading is a heading (not text swallowed by the
 * HTML block above it).
 */
import { isStub } from "../src/wrapup/detect.js";
import { leadingEmoji, rgiPrefix, unqualifiedPrefix } from "../src/wrapup/emoji.js";
import type { Span } from "../src/model/types.js";
import type { Finding, WrapupRule } from "../src/core/rule.js";
import { projectSections, usesTemplate } from "../src/wrapup/sections.js";

export const sectionHeading: WrapupRule<Record<string, never>> = {
  code: "WU005",
  name: "wrapup-section-heading",
  description: "Project heading starts with one emoji and one space",
  doc: "wu005-section-heading",
  fixable: true,
  scope: "wrapups",
  schema: { properties: {} },
  defaults: {},
  check(model, _options, profile) {
    const findings: Finding[] = hidden(model.hiddenHeadings, model.lines);
    if (isStub(model) || !usesTemplate(model, profile)) return findings;
    for (const section of projectSections(model, profile)) {
      const { content } = section.heading;
      const text = content.text;
      const line = content.start.line;
      const column = content.start.column;
      if (text.trim() === "") continue;
      const emoji = leadingEmoji(text);
      if (!emoji) {
        if (profile.sections.emoji !== "required") continue;
        const unqualified = unqualifiedPrefix(text);
        if (unqualified) {
          findings.push({
            line,
            column,
            length: unqualified.written.length,
            message: `Unexpected text-style \`${unqualified.written}\` at the start of the heading, expected the emoji \`${unqualified.rgi}\``,
            context: text,
            fix: { line, column, deleteCount: unqualified.written.length, insertText: unqualified.rgi },
          });
        } else {
          findings.push({
            line,
            column,
            length: Math.min(text.length, 20),
            message: `Unexpected heading without a leading emoji, expected \`<emoji> ${text.trim()}\``,
            context: text,
          });
        }
        continue;
      }
      const rest = text.slice(emoji.length);
      const space = /^[ \t\u00A0]*/.exec(rest)![0];
      const after = rest.slice(space.length);
      const second = rgiPrefix(after);
      if (second) {
        findings.push({
          line,
          column: column + emoji.length + space.length,
          length: second.length,
          message: `Unexpected second emoji \`${second}\` after \`${emoji}\`, expected exactly one emoji before the title`,
          context: text,
        });
        continue;
      }
      if (space !== " ") {
        const at = column + emoji.length;
        findings.push({
          line,
          column: at,
          length: Math.max(space.length, 1),
          message:
            space === ""
              ? `Unexpected \`${emoji}${word(after)}\` without a space after the emoji, expected \`${emoji} ${word(after)}\``
              : `Unexpected ${JSON.stringify(space)} after the emoji \`${emoji}\`, expected one space`,
          context: text,
          fix: { line, column: at, deleteCount: space.length, insertText: " " },
        });
      }
    }
    return findings;
  },
};

/** Headings an HTML block swallowed: the page shows `## 🌱 Title` as text. */
function hidden(spans: readonly Span[], lines: readonly string[]): Finding[] {
  return spans.map((span) => {
    const above = (lines[span.start.line - 2] ?? "").trim();
    return {
      line: span.start.line,
      column: span.start.column,
      length: span.text.length,
      message: `Unexpected heading \`${span.text}\` inside an HTML block (it follows \`${above.length > 30 ? above.slice(0, 29) + "…" : above}\` with no blank line), which shows it as text, expected a blank line before it`,
      context: span.text,
    };
  });
}

/** The first word of a title, to quote in a message. */
function word(text: string): string {
  return /^\S{0,30}/u.exec(text)![0];
}

export default sectionHeading;
