/**
 * What a project's Next Steps ask for that GitHub can show as done: the phrasings WU009 reads,
 * and nothing else (precision over recall; rules/wu009-next-steps.md lists them).
 *
 * - Merging (or reviewing) pull requests: an imperative (`Review and merge the PR`, `Finish,
 *   review and merge the open PRs`, `Merge the open PRs, …`, `Merge gardener/gardener#14747`,
 *   `Get the pull request merged`), a modal passive (`The PR has to be merged`, `the PRs need to
 *   be worked on, reviewed and merged`, `the PR should be merged`, `will be merged`), `make sure
 *   the pull requests get (accepted and) merged`, `wait for the PR to be merged`. Done when
 *   every pull request the project links is merged.
 * - Closing issues: an imperative (`Close the issue`, `Resolve / fix / implement / address the
 *   issue`) or a modal passive (`the issue has to be closed`). Done when every issue the project
 *   links is closed as completed.
 * - Concluding discussions: `Resolve / close / conclude / answer the discussion`, or a modal
 *   passive. Done when every discussion the project links is closed as resolved.
 *
 * Not asks: a clause that sets a condition (`Once the PR got merged, the repository should be
 * archived`, `… after this PR has been merged`: once, after, as soon as, when, until, before,
 * if, unless, up to the next comma or the sentence's end), a statement of what happened (`the
 * PR was merged`, `has been merged`), a negation (`do not merge the PR`), opening a pull
 * request or an issue, and anything said of pull requests or issues without one of these verbs.
 */

export type AskSubject = "pull" | "issue" | "discussion";

export interface Ask {
  subject: AskSubject;
  /** The words that ask, as they read in plain text (`Review and merge the PR`). */
  phrase: string;
}

/** Markdown reduced to the words a reader sees: link texts, no URLs, no code or emphasis marks. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^[\]\n]{0,300})\]\([^()\s]{0,2000}(?:\s+"[^"\n]{0,300}")?\)/g, "$1")
    .replace(/<https?:[^<>\s]{0,2000}>/g, "")
    .replace(/\bhttps?:\/\/[^\s)<>]{1,2000}/g, "")
    .replace(/[`*_]+/g, "")
    .replace(/^\s*(?:[-+*]|\d+[.)])\s+/gm, "")
    .replace(/^\s*>\s?/gm, "");
}

/** Sentences: a line each (list items, lines), split again at `.`, `!`, `?` or `;` before a space. */
function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?;])\s+/))
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** A clause that sets a condition, up to the next comma, semicolon or the sentence's end. */
const CONDITION = /\b(?:once|after|as soon as|when|whenever|until|before|if|unless)\b[^,;]*(?:[,;]|$)/gi;

/** A pull request by name, or by reference (`gardener/gardener#14747`, `#14747`: merging says it is one). */
// A reference starts where a run of name characters starts (the lookbehind): tried once per run,
// not once per character of it, so a long run costs its length, not its square.
const PR = String.raw`(?:\bPRs?|\bpull[ -]?requests?|(?<![\w.\/#-])(?:[\w.-]+\/)?[\w.-]*#\d+)`;
const ISSUE = String.raw`issues?`;
const DISCUSSION = String.raw`discussions?`;
/** Where an imperative starts: the sentence's start, after a comma, `and`, `then`, `to`, `also`, `please`. */
const START = String.raw`(?:^|[,:]\s*|\band\s+|\bthen\s+|\bto\s+|\balso\s+|\bplease\s+)`;
/** `has to be`, `needs to be`, `should be`, … and what else is to be done first (`worked on, reviewed and`). */
/** A determiner before a passive's noun, kept in the phrase (`The PR has to be merged`). */
const DET = String.raw`(?:\b(?:the|an?|this|that|these|those|its|our|their|all|both)\s+(?:\w+\s+)?)?`;
const MODAL = String.raw`\b(?:has|have|needs?|must|should|shall|will|is|are)\s+(?:still\s+)?(?:to\s+)?be\s+(?:[\w ,]{0,80}?\s+and\s+(?:then\s+)?)?`;

/**
 * Between an imperative's verb and its noun: another verb makes the noun its object
 * (`finalize tests and open the PR`); `the open PRs`, `the opened pull request` are no verb.
 */
const OTHER_VERB =
  /(?<!\b(?:the|an?|any|all|its|their|these|those|remaining)\s+)\b(?:open|opened|create|raise|file|submit|prepare|write|draft|start)\b/i;

interface Reading {
  subject: AskSubject;
  /** Imperatives: a verb at an imperative's start, then the subject's noun in the same clause. */
  imperative: RegExp;
  /** What the clause must also hold for the imperative to ask this (merge for `get the PR …`). */
  needs: RegExp | null;
  passives: RegExp[];
}

const READINGS: Reading[] = [
  {
    subject: "pull",
    imperative: new RegExp(
      String.raw`${START}((?:finish|finali[sz]e|review|merge|land|get)\b[^.;]*?${PR})(?![\w#])`,
      "i",
    ),
    needs: /\b(?:merge|merged|merging|land|landed|review|reviewed)\b/i,
    passives: [
      new RegExp(String.raw`(${DET}\b${PR}\b[^.;]*?${MODAL}(?:reviewed|merged|landed))\b`, "i"),
      new RegExp(
        String.raw`(\b(?:make sure|ensure)\b[^.;]*?\b${PR}\b\s+(?:gets?|are|is)\s+(?:\w+\s+and\s+)?merged)\b`,
        "i",
      ),
      new RegExp(String.raw`(\bwait(?:ing)?\s+for\b[^.;]*?\b${PR}\b\s+to\s+(?:be|get)\s+merged)\b`, "i"),
    ],
  },
  {
    subject: "issue",
    imperative: new RegExp(
      String.raw`${START}((?:close|resolve|fix|implement|address|solve)\b[^.;]*?\b${ISSUE})\b`,
      "i",
    ),
    needs: null,
    passives: [
      new RegExp(
        String.raw`(${DET}\b${ISSUE}\b[^.;]*?${MODAL}(?:closed|resolved|fixed|implemented|addressed|solved))\b`,
        "i",
      ),
    ],
  },
  {
    subject: "discussion",
    imperative: new RegExp(String.raw`${START}((?:resolve|close|conclude|answer)\b[^.;]*?\b${DISCUSSION})\b`, "i"),
    needs: null,
    passives: [
      new RegExp(String.raw`(${DET}\b${DISCUSSION}\b[^.;]*?${MODAL}(?:closed|resolved|concluded|answered))\b`, "i"),
    ],
  },
];

/** A negation just before the verb: `do not merge`, `don't merge`, `never merge`, `no need to merge`. */
const NEGATED = /\b(?:not|n't|never|no need to|without)\s*$/i;

/** The asks of a Next Steps value (Markdown), one per subject at most, in the order of the subjects. */
export function asksOf(markdown: string): Ask[] {
  const asks: Ask[] = [];
  // Next Steps are a few sentences; a value far longer is no list of next steps to read.
  if (markdown.length > 20_000) return asks;
  // A sentence of hundreds of words is no next step to read (and would cost the patterns'
  // lazy scans time on hostile text).
  const clauses = sentences(plainText(markdown))
    .filter((s) => s.length <= 400)
    .map((s) => s.replace(CONDITION, " ").replace(/\s+/g, " ").trim());
  for (const reading of READINGS) {
    for (const clause of clauses) {
      const phrase = readClause(clause, reading);
      if (phrase) {
        asks.push({ subject: reading.subject, phrase });
        break;
      }
    }
  }
  return asks;
}

function readClause(clause: string, reading: Reading): string | null {
  const m = reading.imperative.exec(clause);
  if (m && !OTHER_VERB.test(m[1]!.slice(m[1]!.search(/\s/) + 1))) {
    const at = m.index + m[0].length - m[1]!.length;
    const rest = clause.slice(at).split(/[.;]/)[0]!;
    if (!NEGATED.test(clause.slice(0, at))) {
      if (!reading.needs || reading.needs.test(m[1]!)) return tidy(m[1]!);
      // `Get the PR merged`: the verb that asks comes after the noun, in the same clause.
      const then = reading.needs.exec(rest.slice(m[1]!.length));
      if (then && !/[,]/.test(rest.slice(m[1]!.length, m[1]!.length + then.index)))
        return tidy(rest.slice(0, m[1]!.length + then.index + then[0].length));
    }
  }
  for (const passive of reading.passives) {
    const p = passive.exec(clause);
    if (p && !NEGATED.test(clause.slice(0, p.index))) return tidy(p[1]!);
  }
  return null;
}

/** The phrase without trailing spaces, commas and colons (a loop: `/[\s,:]+$/` is quadratic on a long run of them). */
function tidy(phrase: string): string {
  let end = phrase.length;
  while (end > 0 && /[\s,:]/.test(phrase[end - 1]!)) end--;
  return phrase.slice(0, end).trim();
}
