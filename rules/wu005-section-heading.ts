/**
 * WU005 wrapup-section-heading: a project heading starts with exactly one emoji (an RGI emoji
 * sequence), one space, then the title, and no two name the same project; and a heading is a
 * heading (not text swallowed by the HTML block above it).
 */
import { leadingEmoji, rgiPrefix, unqualifiedPrefix } from "../src/wrapup/emoji.js";
import type { Span } from "../src/model/types.js";
import { replace, type Finding, type WrapupRule } from "../src/core/rule.js";
import { code } from "../src/core/message.js";
import { sliceSpan } from "../src/model/source.js";
import { foldedTitleOf, projectSections, titleOf, usesTemplate, withoutLeadingEmoji } from "../src/wrapup/sections.js";
import { fold } from "../src/profile/load.js";

export const sectionHeading: WrapupRule<Record<string, never>> = {
  code: "WU005",
  name: "wrapup-section-heading",
  description: "Project heading is one emoji, one space and the project's own title",
  doc: "wu005-section-heading",
  fixable: true,
  scope: "wrapups",
  schema: { properties: {} },
  defaults: {},
  check(model, _options, profile) {
    // A heading an HTML block swallowed is a defect on any wrap-up (a page whose only project
    // heading was swallowed is a stub); the emoji is asked of project sections that follow the template.
    const findings: Finding[] = model.hiddenHeadings.map((span) => hidden(span, model.lines));
    if (!usesTemplate(model, profile)) return findings;
    /** Titles seen (without emoji, case and spacing), and the line of the first heading of each. */
    const titles = new Map<string, number>();
    /** The title `wrapup-lint new` writes for each project (`🚀 Project Title`), to be replaced. */
    const templateTitle = fold(withoutLeadingEmoji(profile.template.sectionHeading));
    for (const section of projectSections(model, profile)) {
      const content = section.heading.content;
      const text = content.text;
      if (text.trim() === "") continue;
      const title = titleOf(section);
      const key = foldedTitleOf(section);
      const first = titles.get(key);
      if (key === "") {
        findings.push({
          span: content,
          message: `Unexpected heading ${code(text.trim())} without a title, expected the project's title after it`,
        });
        continue;
      }
      if (key === templateTitle)
        findings.push({
          span: content,
          message: `Unexpected title ${code(title)} from the page template, expected the project's own title`,
        });
      else if (first === undefined) titles.set(key, section.heading.line);
      else
        findings.push({
          span: content,
          message: `Unexpected second project ${code(title)}, expected each project once (first on line ${first})`,
        });
      const emoji = leadingEmoji(text);
      if (!emoji) {
        if (profile.sections.emoji !== "required") continue;
        const unqualified = unqualifiedPrefix(text);
        if (unqualified) {
          const span = sliceSpan(content, 0, unqualified.written.length);
          findings.push({
            span,
            context: text,
            message: `Unexpected text-style ${code(unqualified.written)} at the start of the heading, expected the emoji ${code(unqualified.rgi)}`,
            fix: replace(span, unqualified.rgi),
          });
        } else {
          findings.push({
            span: sliceSpan(content, 0, 20),
            context: text,
            message: `Unexpected heading without a leading emoji, expected ${code(`<emoji> ${text.trim()}`)}`,
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
          span: sliceSpan(content, emoji.length + space.length, emoji.length + space.length + second.length),
          context: text,
          message: `Unexpected second emoji ${code(second)} after ${code(emoji)}, expected exactly one emoji before the title`,
        });
        continue;
      }
      if (space !== " ") {
        findings.push({
          // The space, or where it is missing: the first character of the title.
          span: sliceSpan(content, emoji.length, emoji.length + Math.max(space.length, 1)),
          context: text,
          message:
            space === ""
              ? `Unexpected ${code(emoji + word(after))} without a space after the emoji, expected ${code(`${emoji} ${word(after)}`)}`
              : `Unexpected ${JSON.stringify(space)} after the emoji ${code(emoji)}, expected one space`,
          fix: replace(sliceSpan(content, emoji.length, emoji.length + space.length), " "),
        });
      }
    }
    return findings;
  },
};

/** A heading an HTML block swallowed: the page shows `## 🌱 Title` as text. */
function hidden(span: Span, lines: readonly string[]): Finding {
  const above = (lines[span.start.line - 2] ?? "").trim();
  return {
    span,
    message: `Unexpected heading ${code(span.text)} inside an HTML block (it follows ${code(above.length > 30 ? above.slice(0, 29) + "…" : above)} with no blank line), which shows it as text, expected a blank line before it`,
  };
}

/** The first word of a title, to quote in a message. */
function word(text: string): string {
  return /^\S{0,30}/u.exec(text)![0];
}

export default sectionHeading;
