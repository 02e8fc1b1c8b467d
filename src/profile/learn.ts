/**
 * `wrapup-lint init`'s learning: the house style read off a community's existing wrap-ups. It
 * finds the pages that are wrap-ups (several project sections carrying the same labelled
 * fields, and the pages whose H1 reads like theirs), then states what they do in common: which
 * field labels they use and how (spellings, colon placement, how often each is there), the H1,
 * the front matter keys and types, the event details and the date format. What the pages do
 * not show (which H2 titles are not projects) keeps its default.
 */
import { eventDetailsOf, sectionsOf } from "../model/structure.js";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { leadingEmoji } from "../wrapup/emoji.js";
import { monthOfPath, monthsIn, MONTHS, parseDateRange, same, type MonthYear } from "../wrapup/dates.js";
import { yamlFrontMatter } from "../wrapup/front-matter.js";
import { assemble } from "../model/assemble.js";
import { parseMdast } from "../model/from-mdast.js";
import type { Field, Section, WrapupModel } from "../model/types.js";
import { isNearMiss, wordsOf } from "../wrapup/sections.js";
import { DEFAULT_EXCLUDE, fold } from "./load.js";
import type {
  ColonStyle,
  DateFormat,
  EventItemSpecFile,
  FieldSpecFile,
  Level,
  ProfileFile,
  TitleMatch,
} from "./types.js";

export interface LearnInput {
  /** Path relative to the folder the profile will stand in (`community/hackathons/2023-11.md`). */
  path: string;
  text: string;
}

export interface LearnReport {
  /** Pages read. */
  read: number;
  /** The wrap-ups found, and those of them that follow the field template. */
  wrapups: string[];
  templated: string[];
  /** Labels seen once or twice that look like slips for a house label (not learned). */
  slips: { label: string; path: string; line: number; likely: string }[];
  /** Pages whose H1 matches the learned pattern but that do not look like wrap-ups (said, not changed). */
  alsoMatched: string[];
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(remarkGfm);

interface Page {
  path: string;
  model: WrapupModel;
  /** The event's month, from the title, H1, date or file name; null if none says. */
  month: MonthYear | null;
}

function modelOf(input: LearnInput): WrapupModel {
  const model = assemble(parseMdast(processor.parse(input.text), input.text));
  model.path = input.path;
  return model;
}

/** A field occurrence in a section of a page. */
interface Use {
  page: Page;
  section: Section;
  field: Field;
  /** Index among the section's fields. */
  index: number;
}

/** The labels of a section: bold labels and H3 headings, in order. */
const labelsOf = (section: Section): Field[] => section.fields;

/** The labels that most sections of a page carry (its template), if it has one. */
function pageTemplate(model: WrapupModel): Set<string> {
  const sections = sectionsOf(model).filter(
    (s) => !DEFAULT_EXCLUDE.some((t) => fold(t) === fold(titleWithoutEmoji(s))),
  );
  // A wrap-up tells of several projects; a page with one section (a command's reference page
  // with its `### Options`) is not where a template shows. It may still be a wrap-up by its H1.
  if (sections.length < 2) return new Set();
  const counts = new Map<string, number>();
  for (const s of sections)
    for (const w of new Set(
      labelsOf(s)
        .filter((f) => f.style === "heading" || f.colon !== "none")
        .map((f) => wordsOf(f.label)),
    ))
      counts.set(w, (counts.get(w) ?? 0) + 1);
  const template = new Set([...counts].filter(([, n]) => n >= 2 && n >= sections.length / 2).map(([w]) => w));
  return template.size >= 2 ? template : new Set();
}

function titleWithoutEmoji(section: Section): string {
  const plain = section.heading.plain.trim();
  const emoji = leadingEmoji(plain);
  return (emoji ? plain.slice(emoji.length) : plain).trim();
}

const jaccard = (a: Set<string>, b: Set<string>): number => {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
};

/** The month and year a page is about (title, then H1, then date, then file name). */
function monthOfPage(model: WrapupModel): MonthYear | null {
  const fm = model.frontMatter ? yamlFrontMatter(model) : null;
  const title = fm?.value && typeof fm.value === "object" ? (fm.value as Record<string, unknown>)["title"] : undefined;
  const candidates = [typeof title === "string" ? monthsIn(title) : [], model.h1 ? monthsIn(model.h1.plain) : []];
  for (const c of candidates) if (c.length === 1) return c[0]!;
  return monthOfPath(model.path)?.month ?? null;
}

const newestFirst = (a: Page, b: Page): number => stampOf(b) - stampOf(a) || b.path.localeCompare(a.path);
const stampOf = (p: Page): number => (p.month ? p.month.year * 100 + p.month.month : 0);

/* ---------------------------------------------------------------- wrap-ups */

const MONTH_WORDS = new Set(MONTHS.flatMap((m) => [m.toLowerCase(), m.slice(0, 3).toLowerCase()]));

/** The words of an H1 (lower case), and which of them name the series rather than the event (no numbers, no months). */
function h1Tokens(plain: string): { words: string[]; series: boolean[] } {
  const words = plain.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return { words, series: words.map((w) => !/\d/.test(w) && !MONTH_WORDS.has(w)) };
}

const h1Words = (plain: string): string[] => {
  const { words, series } = h1Tokens(plain);
  return words.filter((_, i) => series[i]);
};

/** Longest common subsequence of two word lists. */
function lcs(a: string[], b: string[]): string[] {
  const rows = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      rows[i]![j] = a[i] === b[j] ? rows[i + 1]![j + 1]! + 1 : Math.max(rows[i + 1]![j]!, rows[i]![j + 1]!);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (rows[i + 1]![j]! >= rows[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A pattern for the H1s: the words every H1 has, in order; words that stand side by side in
 * every H1 are joined by space, `-` or nothing (`Wrap Up`, `Wrap-Up`, `Wrapup`), the others by
 * anything.
 */
export function h1Pattern(h1s: string[]): string | null {
  const lists = h1s.map(h1Words).filter((l) => l.length > 0);
  if (lists.length === 0 || lists.length < h1s.length) return null;
  let common = lists[0]!;
  for (const list of lists.slice(1)) common = lcs(common, list);
  if (common.length === 0) return null;
  // Which neighbours in `common` stand side by side in every H1 (nothing between, not even a date).
  const raw = h1s.map((h) => h1Tokens(h).words);
  const adjacent = common
    .slice(1)
    .map((word, i) => raw.every((list) => list.some((w, k) => w === common[i] && list[k + 1] === word)));
  let pattern = `\\b${escape(common[0]!)}`;
  common.slice(1).forEach((word, i) => {
    pattern += adjacent[i] ? `[\\s_-]*${escape(word)}` : `\\b.*\\b${escape(word)}`;
  });
  return pattern + "\\b";
}

/* ---------------------------------------------------------------- fields */

interface LabelGroup {
  /** The words the spellings share (`motivation benefits`). */
  words: string;
  uses: Use[];
}

/** Spellings by how many uses, then by the newest page that uses them. */
function spellings(group: LabelGroup): Map<string, Use[]> {
  const by = new Map<string, Use[]>();
  for (const u of group.uses) by.set(u.field.label, [...(by.get(u.field.label) ?? []), u]);
  return by;
}

/** The colon placement of a label's bold uses: one way always (3 uses or more), or one way per page. */
function colonOf(uses: Use[]): ColonStyle {
  const bold = uses.filter((u) => u.field.style === "bold" && u.field.colon !== "none");
  if (bold.length < 3) return "consistent";
  const first = bold[0]!.field.colon;
  return bold.every((u) => u.field.colon === first) ? (first as "inside" | "outside") : "consistent";
}

/** A field's value is links (a reference field) in most of its uses. */
function isReference(uses: Use[]): boolean {
  const linked = uses.filter((u) => {
    const v = u.field.value;
    if (v.trim() === "") return false;
    const withoutLinks = v
      .replace(/\[([^[\]\n]{0,300})\]\([^()\s]{0,1000}\)/g, "$1")
      .replace(/https?:\/\/\S+/g, "")
      .replace(/<[^<>]{1,1000}>/g, "");
    const hasLink = /https?:\/\/|\]\(|#\d/.test(v);
    return hasLink && (withoutLinks.match(/\p{L}+/gu)?.length ?? 0) <= 25;
  });
  return linked.length >= uses.length / 2 && linked.length > 0;
}

/**
 * Labels that say what a project leaves to do, by their words (`wordsOf`: lower case, joined
 * by spaces, `-` dropped): Next Steps, Next Actions, What's Next, Follow-ups, Follow Up,
 * Outlook, To Do, Todo, Remaining Work, Open Points (not `Next Gen Design`).
 */
export const NEXT_STEPS_WORDS =
  /(?:^| )next(?: steps?| actions?)?$|^follow(?:ups?| ups?)?(?: |$)|^outlook$|^to ?dos?$|^remaining(?: work| tasks)?$|^open (?:points|items|tasks)$/;

/** Every section carries it: required (a published page that leaves it out once says it may be left out); most: usual. */
function level(coverage: number): Level {
  return coverage >= 1 ? "required" : coverage >= 0.5 ? "usual" : "optional";
}

/* ---------------------------------------------------------------- front matter */

type JsonType = "string" | "integer" | "number" | "boolean" | "object" | "array" | "null";

function typeOf(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as JsonType;
}

const MONTH_YEAR = /^(January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{4}$/;

/** A JSON Schema for values seen: their types, and a pattern where every string has one shape. */
function schemaFor(values: unknown[]): Record<string, unknown> {
  const types = [...new Set(values.map(typeOf))].sort();
  const schema: Record<string, unknown> = { type: types.length === 1 ? types[0] : types };
  if (types.length === 1 && types[0] === "string") {
    const strings = values as string[];
    if (strings.every((s) => MONTH_YEAR.test(s))) {
      schema["pattern"] = MONTH_YEAR.source;
      schema["x-expected"] = `a month and year such as \`${strings[0]}\``;
    } else if (strings.every((s) => /^https?:\/\//.test(s))) {
      schema["pattern"] = "^https?://";
      schema["x-expected"] = `a URL such as \`${strings[0]}\``;
    }
  }
  if (types.length === 1 && types[0] === "object") {
    const objects = values as Record<string, unknown>[];
    const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))].sort();
    schema["properties"] = Object.fromEntries(
      keys.map((k) => [k, schemaFor(objects.filter((o) => k in o).map((o) => o[k]))]),
    );
  }
  return schema;
}

/* ---------------------------------------------------------------- learn */

export function learn(inputs: LearnInput[]): { profile: ProfileFile; report: LearnReport } {
  const pages: Page[] = inputs.map((input) => {
    const model = modelOf(input);
    return { path: input.path, model, month: monthOfPage(model) };
  });

  // 1. Pages with a field template, grouped by the labels they share: the largest group is
  //    the community's wrap-ups (release notes with `### Bug Fixes` per version are another).
  const templates = new Map<Page, Set<string>>();
  for (const page of pages) {
    const t = pageTemplate(page.model);
    if (t.size > 0 && page.model.h1) templates.set(page, t);
  }
  const groups: Page[][] = [];
  for (const page of templates.keys()) {
    const joined = groups.filter((g) => g.some((other) => jaccard(templates.get(other)!, templates.get(page)!) >= 0.4));
    const merged = [page, ...joined.flat()];
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  // The group with the most project sections that carry their page's template.
  const score = (g: Page[]): number =>
    g.reduce(
      (n, p) =>
        n +
        sectionsOf(p.model).filter((s) => s.fields.filter((f) => templates.get(p)!.has(wordsOf(f.label))).length >= 2)
          .length,
      0,
    );
  const templated = (groups.sort((a, b) => score(b) - score(a))[0] ?? []).sort(newestFirst);

  const pattern = h1Pattern(templated.map((p) => p.model.h1!.plain));
  const h1 = pattern ? new RegExp(pattern, "iu") : null;
  // Wrap-ups: the templated pages and the pages whose H1 reads like theirs (told as prose, stubs).
  const wrapups = pages
    .filter((p) => templated.includes(p) || (h1 && p.model.h1 && h1.test(p.model.h1.plain)))
    .sort(newestFirst);
  const report: LearnReport = {
    read: pages.length,
    wrapups: wrapups.map((p) => p.path),
    templated: templated.map((p) => p.path),
    slips: [],
    alsoMatched: [],
  };

  const website = wrapups.filter((p) => !/(^|\/)readme\.md$/i.test(p.path));

  // 2. Fields: every label of the templated pages' project sections, grouped by its words.
  const uses: Use[] = [];
  for (const page of templated) {
    for (const section of sectionsOf(page.model)) {
      if (DEFAULT_EXCLUDE.some((t) => fold(t) === fold(titleWithoutEmoji(section)))) continue;
      labelsOf(section).forEach((field, index) => uses.push({ page, section, field, index }));
    }
  }
  const byWords = new Map<string, LabelGroup>();
  for (const u of uses) {
    const words = wordsOf(u.field.label);
    if (words === "") continue;
    let g = byWords.get(words);
    if (!g) byWords.set(words, (g = { words, uses: [] }));
    g.uses.push(u);
  }
  const sectionsIn = (g: LabelGroup): Set<Section> => new Set(g.uses.map((u) => u.section));
  // An H3 in a section or two only is a sub-heading of a field, not a field.
  let groupsFound = [...byWords.values()].filter(
    (g) => g.uses.some((u) => u.field.style === "bold") || sectionsIn(g).size >= 2,
  );
  // Rare labels that are a slip for a common one (`Acheivements`) are not learned.
  const common = groupsFound.filter((g) => g.uses.length >= 3);
  groupsFound = groupsFound.filter((g) => {
    if (g.uses.length > 2) return true;
    const likely = common.find((c) => c !== g && isNearMiss(g.words, c.words));
    if (!likely) return true;
    for (const u of g.uses)
      report.slips.push({
        label: u.field.label,
        path: u.page.path,
        line: u.field.line,
        likely: mostUsedSpelling(likely),
      });
    return false;
  });
  // Sections with none of the recurring labels are told as prose: not counted.
  const recurring = groupsFound.filter((g) => sectionsIn(g).size >= 2);
  const projectSections = new Set(
    uses.map((u) => u.section).filter((s) => recurring.some((g) => sectionsIn(g).has(s))),
  );
  const sectionsOfPage = (page: Page): Section[] =>
    [...projectSections].filter((s) => sectionsOf(page.model).includes(s));

  // Coverage over the pages that carry a label at all (a page's template may leave it out).
  const coverage = (gs: LabelGroup[]): number => {
    const carrying = new Set(gs.flatMap((g) => g.uses.map((u) => u.page)));
    const total = [...carrying].reduce((n, p) => n + sectionsOfPage(p).length, 0);
    const covered = new Set(gs.flatMap((g) => [...sectionsIn(g)].filter((s) => projectSections.has(s))));
    return total === 0 ? 0 : covered.size / total;
  };
  // Alternatives: a rarer label that stands where a field is missing, in the same place (the
  // label before it is the one before the field), never beside it.
  const alternativesOf = new Map<LabelGroup, LabelGroup[]>();
  const taken = new Set<LabelGroup>();
  const before = (u: Use): string => (u.index === 0 ? "" : wordsOf(u.section.fields[u.index - 1]!.label));
  for (const a of [...groupsFound].sort((x, y) => y.uses.length - x.uses.length)) {
    if (taken.has(a) || coverage([a]) >= 1 || recurring.indexOf(a) === -1) continue;
    const aSections = sectionsIn(a);
    const aBefore = new Set(a.uses.map(before));
    for (const b of groupsFound) {
      if (b === a || taken.has(b) || b.uses.length * 3 > a.uses.length) continue;
      if ([...sectionsIn(b)].some((s) => aSections.has(s))) continue;
      if (!b.uses.every((u) => aBefore.has(before(u)))) continue;
      const with_ = [a, ...(alternativesOf.get(a) ?? []), b];
      if (coverage(with_) <= coverage(with_.slice(0, -1))) continue;
      alternativesOf.set(a, [...(alternativesOf.get(a) ?? []), b]);
    }
    // Alternatives are what makes a field one that every section carries, or nothing.
    const alternatives = alternativesOf.get(a) ?? [];
    if (alternatives.length > 0 && coverage([a, ...alternatives]) >= 1) for (const b of alternatives) taken.add(b);
    else alternativesOf.delete(a);
  }
  const fieldGroups = groupsFound.filter((g) => !taken.has(g));
  const references = new Set(fieldGroups.filter((g) => isReference(g.uses)));
  const levels = new Map(fieldGroups.map((g) => [g, level(coverage([g, ...(alternativesOf.get(g) ?? [])]))]));
  const ordered = inPageOrder(fieldGroups, alternativesOf);
  // The template's fields (required, usual) in page order, then the others.
  const list: FieldSpecFile[] = [
    ...ordered.filter((g) => levels.get(g) !== "optional"),
    ...ordered.filter((g) => levels.get(g) === "optional"),
  ]
    .map((g) => ({ g, level: levels.get(g)! }))
    .map(({ g, level }) => {
      const spelled = spellingsOf(g, report);
      const alternatives = (alternativesOf.get(g) ?? []).map(mostUsedSpelling);
      const spec: FieldSpecFile = { label: spelled.label, level };
      // Required, but not on every page: some pages' templates leave it out.
      const pagesWith = new Set([g, ...(alternativesOf.get(g) ?? [])].flatMap((x) => x.uses.map((u) => u.page)));
      if (level === "required" && templated.some((p) => !pagesWith.has(p))) spec.perPage = true;
      if (spelled.aliases.length > 0) spec.aliases = spelled.aliases;
      if (alternatives.length > 0) spec.alternatives = alternatives;
      if (references.has(g)) spec.reference = true;
      spec.colon = colonOf([...g.uses, ...(alternativesOf.get(g) ?? []).flatMap((a) => a.uses)]);
      return spec;
    });
  // The field that says what a project leaves to do, by its words (WU009 reads it): the first
  // in page order that is not a list of links.
  const nextSteps = list.find((spec) => !spec.reference && NEXT_STEPS_WORDS.test(wordsOf(spec.label)));
  if (nextSteps) nextSteps.role = "next-steps";
  // Required fields keep the order the pages use; the others follow.
  const referenceCoverage = (() => {
    const sections = [...projectSections];
    const withReference = sections.filter((s) => [...references].some((g) => sectionsIn(g).has(s)));
    return sections.length === 0 ? 0 : withReference.length / sections.length;
  })();

  // 3. Event details, over the website pages (a repository README may do without).
  const withDetails = website.filter((p) => eventDetailsOf(p.model)?.items.some((i) => i.label !== ""));
  const itemUses = new Map<string, { label: string; pages: Set<Page>; markers: string[] }>();
  for (const page of wrapups) {
    for (const item of eventDetailsOf(page.model)?.items ?? []) {
      if (item.label === "") continue;
      const key = fold(item.label);
      let u = itemUses.get(key);
      if (!u) itemUses.set(key, (u = { label: item.label, pages: new Set(), markers: [] }));
      u.pages.add(page);
      if (item.marker) u.markers.unshift(item.marker);
    }
  }
  const detailPages = wrapups.filter((p) => eventDetailsOf(p.model));
  const items: EventItemSpecFile[] = [...itemUses.values()]
    .map((u) => ({ u, share: u.pages.size / Math.max(1, detailPages.length) }))
    .sort((a, b) => b.share - a.share || firstLine(a.u, wrapups) - firstLine(b.u, wrapups))
    .map(({ u, share }) => ({
      label: u.label,
      level: level(share),
      ...(u.markers[0] ? { marker: newestMarker(u, wrapups) } : {}),
    }));
  const dateItem =
    items.find((i) => /^dates?$/i.test(i.label)) ??
    items.find((i) => {
      const values = valuesOf(wrapups, i.label);
      return values.length > 0 && FORMATS.some((f) => values.every((v) => parseDateRange(v, f)));
    });
  let date: NonNullable<ProfileFile["eventDetails"]>["date"] = null;
  if (dateItem) {
    const values = valuesOf(wrapups, dateItem.label);
    const format = FORMATS.find((f) => values.length > 0 && values.every((v) => parseDateRange(v, f)));
    if (format) {
      const separators = values.map((v) => parseDateRange(v, format)!.separator).filter((s) => s !== "");
      date = { label: dateItem.label, format, separator: mostCommon(separators) ?? " – " };
    }
  }

  // 4. Front matter: keys and their types; what the title and weight agree with.
  const withFrontMatter = website.filter((p) => p.model.frontMatter?.kind === "yaml");
  const values = withFrontMatter
    .map((p) => ({ page: p, value: yamlFrontMatter(p.model)?.value }))
    .filter(
      (v): v is { page: Page; value: Record<string, unknown> } =>
        v.value !== null && typeof v.value === "object" && !Array.isArray(v.value),
    );
  let schema: Record<string, unknown> | null = null;
  let weight: "-YYYYMM" | "YYYYMM" | null = null;
  const titleMatches: TitleMatch[] = [];
  if (values.length > 0) {
    const keys = [...new Set(values.flatMap((v) => Object.keys(v.value)))].sort();
    const properties = Object.fromEntries(
      keys.map((k) => [k, schemaFor(values.filter((v) => k in v.value).map((v) => v.value[k]))]),
    );
    // Required: the keys every page sets to a value of its own (its title, its place), not the
    // ones a site generator writes the same on every page.
    const required = keys.filter((k) => {
      const vs = values.map((v) => v.value[k]);
      return (
        vs.every((x) => typeof x === "string" || typeof x === "number") &&
        new Set(vs).size === vs.length &&
        values.length >= 2
      );
    });
    schema = { type: "object", ...(required.length > 0 ? { required } : {}), properties };
    const titled = values
      .map((v) => ({ ...v, title: typeof v.value["title"] === "string" ? monthsIn(v.value["title"] as string) : [] }))
      .filter((v) => v.title.length === 1);
    if (titled.length >= 2) {
      const stamp = (m: MonthYear): number => m.year * 100 + m.month;
      if (titled.every((v) => v.value["weight"] === -stamp(v.title[0]!))) weight = "-YYYYMM";
      else if (titled.every((v) => v.value["weight"] === stamp(v.title[0]!))) weight = "YYYYMM";
      const agrees = (of: (p: Page) => MonthYear[]): boolean => {
        const compared = titled.map((v) => ({ v, other: of(v.page) })).filter((x) => x.other.length > 0);
        return compared.length >= 2 && compared.every((x) => x.other.some((m) => same(m, x.v.title[0]!)));
      };
      if (agrees((p) => (p.model.h1 ? onlyOne(monthsIn(p.model.h1.plain)) : []))) titleMatches.push("h1");
      if (
        date &&
        agrees((p) =>
          monthsIn(eventDetailsOf(p.model)?.items.find((i) => fold(i.label) === fold(date!.label))?.value ?? ""),
        )
      )
        titleMatches.push("date");
      if (
        agrees((p) => {
          const m = monthOfPath(p.path);
          return m ? [m.month] : [];
        })
      )
        titleMatches.push("fileName");
    }
  }

  // 5. Headings: an emoji before every project title?
  const projectHeadings = [...projectSections].map((s) => s.heading.content.text.trim());
  const withEmoji = projectHeadings.filter((h) => leadingEmoji(h) !== null).length;

  // What `new` writes: the newest wrap-up's forms, its month and year made placeholders.
  const newest = (website[0] ?? wrapups[0]) as Page | undefined;
  const fieldStyle =
    templated[0] && sectionsOf(templated[0].model).some((s) => s.fields.some((f) => f.style === "heading"))
      ? "heading"
      : "bold";

  const profile: ProfileFile = {
    name: "",
    wrapups: { h1: pattern, frontMatterKey: null },
    frontMatter: {
      required: website.length > 0 && withFrontMatter.length === website.length,
      schema,
      weight,
      titleMatches,
    },
    eventDetails: {
      required: website.length > 0 && withDetails.length === website.length,
      items,
      date,
    },
    sections: {
      emoji: projectHeadings.length > 0 && withEmoji === projectHeadings.length ? "required" : "optional",
      exclude: DEFAULT_EXCLUDE,
      narrativeWords: 30,
    },
    fields: {
      style: fieldStyle,
      list,
      references: referenceCoverage >= 1 ? "required" : "usual",
      referenceExemptTitle: null,
    },
    template: templateOf(newest, templated[0], list),
  };
  if (h1) {
    for (const p of pages)
      if (!wrapups.includes(p) && p.model.h1 && h1.test(p.model.h1.plain)) report.alsoMatched.push(p.path);
  }
  return { profile, report };
}

/**
 * The fields in the order the pages write them: one field before another where most sections
 * that carry both put it first (a field's alternatives count as the field); fields never seen
 * together keep their typical place in a section.
 */
function inPageOrder(groups: LabelGroup[], alternativesOf: ReadonlyMap<LabelGroup, LabelGroup[]>): LabelGroup[] {
  const indexIn = new Map<LabelGroup, Map<Section, number>>();
  for (const g of groups) {
    const at = new Map<Section, number>();
    for (const u of [...g.uses, ...(alternativesOf.get(g) ?? []).flatMap((a) => a.uses)])
      if (!at.has(u.section)) at.set(u.section, u.index);
    indexIn.set(g, at);
  }
  const place = (g: LabelGroup): number => {
    const relative = [...indexIn.get(g)!].map(([s, i]) => i / Math.max(1, s.fields.length - 1)).sort((x, y) => x - y);
    return relative[Math.floor(relative.length / 2)] ?? 1;
  };
  const before = (a: LabelGroup, b: LabelGroup): number => {
    let ab = 0;
    let ba = 0;
    const inB = indexIn.get(b)!;
    for (const [s, i] of indexIn.get(a)!) {
      const j = inB.get(s);
      if (j === undefined) continue;
      if (i < j) ab++;
      else ba++;
    }
    return ab === ba ? place(a) - place(b) : ba - ab;
  };
  // Insertion by precedence (a handful of fields; the relation need not be transitive).
  const sorted: LabelGroup[] = [];
  for (const g of [...groups].sort((x, y) => place(x) - place(y) || y.uses.length - x.uses.length)) {
    let i = sorted.length;
    while (i > 0 && before(g, sorted[i - 1]!) < 0) i--;
    sorted.splice(i, 0, g);
  }
  return sorted;
}

const FORMATS: DateFormat[] = ["DD.MM.YYYY", "YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY"];
const onlyOne = <T>(xs: T[]): T[] => (xs.length === 1 ? xs : []);

function mostCommon(xs: string[]): string | null {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: string | null = null;
  for (const [x, n] of counts) if (best === null || n > counts.get(best)!) best = x;
  return best;
}

function mostUsedSpelling(g: LabelGroup): string {
  return mostCommon(g.uses.map((u) => u.field.label))!;
}

/**
 * The house spelling of a label (the newest page's), and the other spellings a page uses
 * throughout (aliases). A spelling no page uses for most of its uses of the label, and that
 * differs only in case (`Next steps`), is a slip: not learned, said in the report.
 */
function spellingsOf(g: LabelGroup, report: LearnReport): { label: string; aliases: string[] } {
  const by = spellings(g);
  const pagesOf = new Map<Page, Map<string, number>>();
  for (const u of g.uses) {
    const counts = pagesOf.get(u.page) ?? new Map<string, number>();
    counts.set(u.field.label, (counts.get(u.field.label) ?? 0) + 1);
    pagesOf.set(u.page, counts);
  }
  // A spelling is the house's if some page uses it for most of its uses of the label.
  const dominant = new Set<string>();
  for (const counts of pagesOf.values()) {
    const best = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    dominant.add(best[0]);
  }
  const newest = [...g.uses].sort((a, b) => newestFirst(a.page, b.page))[0]!;
  let label = dominant.has(newest.field.label) ? newest.field.label : [...dominant][0]!;
  const aliases: string[] = [];
  for (const [spelling, uses] of by) {
    if (spelling === label) continue;
    if (dominant.has(spelling) && fold(spelling) !== fold(label)) aliases.push(spelling);
    else if (!dominant.has(spelling))
      for (const u of uses)
        report.slips.push({ label: spelling, path: u.page.path, line: u.field.line, likely: label });
  }
  // A dominant spelling that differs only in case from the label is the newest page's choice.
  label = label.trim();
  return { label, aliases: aliases.sort() };
}

function valuesOf(pages: Page[], label: string): string[] {
  return pages.flatMap((p) =>
    (eventDetailsOf(p.model)?.items ?? [])
      .filter((i) => fold(i.label) === fold(label) && i.value !== "")
      .map((i) => i.value),
  );
}

function firstLine(u: { pages: Set<Page>; label: string }, pages: Page[]): number {
  for (const p of pages) {
    const items = eventDetailsOf(p.model)?.items ?? [];
    const i = items.findIndex((x) => fold(x.label) === fold(u.label));
    if (i >= 0) return i;
  }
  return 99;
}

function newestMarker(u: { label: string }, pages: Page[]): string {
  for (const p of pages) {
    const item = (eventDetailsOf(p.model)?.items ?? []).find((i) => fold(i.label) === fold(u.label));
    if (item?.marker) return item.marker;
  }
  return "";
}

/**
 * The newest page's path, front matter, H1 and event details with its month and year as
 * placeholders, and the fields of the newest templated page's fullest section as written there.
 */
function templateOf(
  page: Page | undefined,
  templated: Page | undefined,
  list: FieldSpecFile[],
): ProfileFile["template"] {
  if (!page) return {};
  const m = page.month;
  const generalize = (text: string): string => {
    if (!m) return text;
    const mm = String(m.month).padStart(2, "0");
    const yyyy = String(m.year);
    return text
      .replaceAll(`${yyyy}${mm}`, "{YYYY}{MM}")
      .replaceAll(`${yyyy}-${mm}`, "{YYYY}-{MM}")
      .replaceAll(`${mm}/${yyyy}`, "{MM}/{YYYY}")
      .replaceAll(`${MONTHS[m.month - 1]} ${yyyy}`, "{Month} {YYYY}");
  };
  const fm = page.model.frontMatter;
  const template: NonNullable<ProfileFile["template"]> = { path: generalize(page.path) };
  template.frontMatter = fm && fm.kind === "yaml" ? generalize(fm.body.join("\n")) : null;
  if (page.model.h1) template.h1 = generalize(page.model.h1.content.text);
  const details = eventDetailsOf(page.model);
  if (details) {
    template.eventDetails = details.items
      .filter((i) => i.label !== "")
      .map((i) => {
        const line = page.model.lines[i.line - 1] ?? "";
        return line.slice(0, i.valueSpan.start.column - 1).trimEnd();
      });
  }
  template.sectionHeading = "🚀 Project Title";
  if (templated) {
    const template_ = new Set(
      list
        .filter((f) => f.level !== "optional")
        .flatMap((f) => [f.label, ...(f.aliases ?? []), ...(f.alternatives ?? [])].map(fold)),
    );
    const fullest = [...sectionsOf(templated.model)].sort((a, b) => count(b) - count(a))[0];
    function count(s: Section): number {
      return s.fields.filter((f) => template_.has(fold(f.label))).length;
    }
    if (fullest) {
      template.fields = fullest.fields
        .filter((f) => template_.has(fold(f.label)))
        .map((f) => {
          const line = templated.model.lines[f.line - 1] ?? "";
          return f.style === "heading" ? line.trimEnd() : line.slice(0, f.labelSpan.end.column - 1).trimEnd();
        });
    }
  }
  return template;
}
