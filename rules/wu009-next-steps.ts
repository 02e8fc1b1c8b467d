/**
 * WU009 wrapup-next-steps: a project's Next Steps still ask for work its links show as done
 * (`Review and merge the PR` when every pull request it links is merged), or a project without
 * Next Steps links only open work. Asynchronous: it reads the states GitHub gave for WU007's
 * questions (the same checks, through the same process-level resolver, so no request more).
 * Precision over recall: never a warning without a state from GitHub, never when a link it
 * weighs was not answered. The Next Steps field is the profile's field whose role is
 * `next-steps`, whatever the house calls it.
 */
import type { Finding, WrapupRule } from "../src/core/rule.js";
import { checkKey, type Verdict } from "../src/github/checks.js";
import { askerFor } from "../src/github/resolver.js";
import { kindName, stateOf, stateWords, workOf } from "../src/github/states.js";
import { shortForm } from "../src/github/link-text.js";
import type { Span, WrapupModel } from "../src/model/types.js";
import { spanInLine } from "../src/model/source.js";
import { code } from "../src/core/message.js";
import { asksOf, type Ask, type AskSubject } from "../src/wrapup/next-steps.js";
import { hasNextStepsField, projectsOf, type Project, type ProjectLink } from "../src/wrapup/projects.js";

export interface NextStepsOptions {
  /** Also report projects without Next Steps whose linked work is all open. */
  withoutNextSteps: boolean;
  /** Answer from the cache only (for editors): nothing is asked of GitHub. */
  offline: boolean;
}

const NUMBERED = new Set(["pull", "issue", "discussion"]);
const SUBJECT_NAMES: Record<AskSubject, [string, string]> = {
  pull: ["pull request", "merged"],
  issue: ["issue", "closed as completed"],
  discussion: ["discussion", "closed as resolved"],
};

/** A link as a reader knows it: `owner/repo#N`, else the URL. */
const nameOf = (l: ProjectLink): string => shortForm(l.target) ?? l.url;

interface Weighed {
  link: ProjectLink;
  verdict: Verdict;
}

/** Where the words that ask stand in the field's lines (else the field's label). */
function placeOf(model: WrapupModel, project: Project, phrase: string): Span {
  const field = project.nextSteps!.field;
  const words = phrase.split(/\s+/);
  for (const probe of [phrase, words.slice(0, 3).join(" ")]) {
    if (probe.length < 3) continue;
    for (let line = field.line; line <= field.endLine; line++) {
      const at = (model.lines[line - 1] ?? "").toLowerCase().indexOf(probe.toLowerCase());
      if (at >= 0) return spanInLine(model.lines, line, at, at + probe.length);
    }
  }
  return field.labelSpan;
}

export const nextSteps: WrapupRule<NextStepsOptions, Promise<Finding[]>> = {
  code: "WU009",
  name: "wrapup-next-steps",
  description: "Next Steps ask only for work the project's links do not show as done",
  doc: "wu009-next-steps",
  fixable: false,
  asynchronous: true,
  scope: "wrapups",
  schema: {
    properties: {
      withoutNextSteps: {
        type: "boolean",
        description: "warn about projects without Next Steps whose linked work is all open",
      },
      offline: { type: "boolean", description: "answer from the cache only, never ask GitHub" },
    },
  },
  defaults: { withoutNextSteps: true, offline: false },
  async check(model, options, profile) {
    // Without a field that says what is left to do, there is nothing to compare.
    if (!hasNextStepsField(profile)) return [];
    const resolve = askerFor(options.offline);
    if (!resolve) return [];
    // What each project weighs: its pull requests, issues and discussions, asked now (in the
    // same turn as WU007 asks them, so that they go in the same batch or are already known).
    const work: {
      project: Project;
      asks: Ask[];
      links: { link: ProjectLink; verdict: Verdict | Promise<Verdict> }[];
    }[] = [];
    for (const project of projectsOf(model, profile)) {
      const asks = project.nextSteps ? asksOf(project.nextSteps.field.value) : [];
      const weighs = asks.length > 0 || (!project.nextSteps && options.withoutNextSteps && project.templated);
      if (!weighs) continue;
      const links = project.links.filter((l) => NUMBERED.has(l.target.kind));
      if (links.length === 0) continue;
      work.push({ project, asks, links: links.map((link) => ({ link, verdict: resolve(link.check) })) });
    }
    const findings: Finding[] = [];
    for (const { project, asks, links: pending } of work) {
      const links: Weighed[] = [];
      for (const { link, verdict } of pending)
        links.push({ link, verdict: verdict instanceof Promise ? await verdict : verdict });
      // Every link it weighs has a state from GitHub, or nothing is said of the project.
      const states = links.map((l) => stateOf(l.verdict));
      if (states.some((s) => s === null)) continue;
      const named = (l: Weighed): string => `${code(nameOf(l.link))} ${stateWords(stateOf(l.verdict)!)}`;
      // Each link once (a pull request linked twice is one).
      const unique = [...new Map(links.map((l) => [checkKey(l.link.check), l])).values()];
      for (const ask of asks) {
        const subject = unique.filter((l) => stateOf(l.verdict)!.kind === ask.subject);
        if (subject.length === 0 || !subject.every((l) => workOf(stateOf(l.verdict)!) === "done")) continue;
        const [noun, done] = SUBJECT_NAMES[ask.subject];
        findings.push({
          span: placeOf(model, project, ask.phrase),
          context: ask.phrase,
          message: `Unexpected next step ${code(ask.phrase)}: every ${noun} the project links is ${done} (${subject.map(named).join(", ")}), expected only work still to do`,
          severity: "warning",
        });
      }
      if (!project.nextSteps && asks.length === 0) {
        if (!unique.every((l) => workOf(stateOf(l.verdict)!) === "open")) continue;
        const label = profile.fields.list.find((f) => f.role === "next-steps")!.label;
        const heading = project.section.heading;
        const open = unique
          .map((l) => `${code(nameOf(l.link))} ${kindName(stateOf(l.verdict)!)} ${stateWords(stateOf(l.verdict)!)}`)
          .join(", ");
        findings.push({
          span: heading.content,
          context: heading.plain,
          message: `Unexpected project without ${code(label)} whose linked work is all open (${open}), expected ${code(label)} saying what remains`,
          severity: "warning",
        });
      }
    }
    return findings;
  },
};

export default nextSteps;
