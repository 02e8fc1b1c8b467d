/**
 * A wrap-up's projects and what each links on GitHub: the project sections (the profile says
 * which H2 sections are projects), the GitHub links that stand in each (heading, fields, prose,
 * found by line), the check WU007 asks for each, and the field the profile gives the
 * `next-steps` role. WU009 and `wrapup-lint status` read it; once per model and profile.
 */
import { memo } from "../core/memo.js";
import type { Check } from "../github/checks.js";
import { checkFor } from "../github/checks.js";
import type { GitHubTarget } from "../github/url.js";
import type { Field, Link, Section, WrapupModel } from "../model/types.js";
import type { Profile } from "../profile/types.js";
import { fieldsOf, hasTemplateFields, projectSections, titleOf, type Classified } from "./sections.js";
import { githubLinks } from "../github/links.js";

export interface ProjectLink {
  link: Link;
  /** The URL as written, trimmed. */
  url: string;
  target: GitHubTarget;
  /** What WU007 asks GitHub about it. */
  check: Check;
  /** The field it stands in, or null (the heading, prose before the first field). */
  field: Field | null;
}

export interface Project {
  section: Section;
  /** The title without its emoji. */
  title: string;
  /** The GitHub links that can be checked, in document order. */
  links: ProjectLink[];
  /** The field whose role is `next-steps`, if the section has one. */
  nextSteps: Classified | null;
  /** Whether the section carries any of the template's fields (a narrative section does not). */
  templated: boolean;
}

/** A document's projects: its sections with their links, once per model (a model has one profile). */
export const projectsOf = memo((model: WrapupModel, profile: Profile): Project[] => {
  const sections = projectSections(model, profile);
  const links = githubLinks(model);
  const projects: Project[] = [];
  let at = 0;
  for (const section of sections) {
    const from = section.heading.line;
    const to = section.endLine;
    // Links come in document order: skip those before the section, take those in it.
    while (at < links.length && links[at]!.link.span.start.line < from) at++;
    let end = at;
    const inSection: ProjectLink[] = [];
    while (end < links.length && links[end]!.link.span.start.line <= to) {
      const { link, parsed } = links[end]!;
      end++;
      const target = parsed.target;
      const check = target ? checkFor(target) : null;
      if (!target || !check) continue;
      const line = link.span.start.line;
      const field = section.fields.find((f) => f.line <= line && line <= f.endLine) ?? null;
      inSection.push({ link, url: link.url.trim(), target, check, field });
    }
    const classified = fieldsOf(section, profile);
    const nextSteps = classified.find((c) => c.spec?.role === "next-steps") ?? null;
    projects.push({
      section,
      title: titleOf(section),
      links: inSection,
      nextSteps,
      templated: hasTemplateFields(section, profile),
    });
  }
  return projects;
});

/** Whether the profile names a field whose role is `next-steps`. */
export function hasNextStepsField(profile: Profile): boolean {
  return profile.fields.list.some((f) => f.role === "next-steps");
}
