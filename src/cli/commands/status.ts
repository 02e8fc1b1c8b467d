/**
 * `wrapup-lint status [FILES…]`: what became of each project. Per wrap-up and per project, the
 * GitHub links and what GitHub says of each now (a pull request open / draft / merged / closed
 * without merge, an issue or discussion open / closed with its reason, a branch present /
 * deleted, a repository archived, a release present), one word per project (done, in progress,
 * stalled, closed, unknown) and totals per event. The states come from WU007's questions
 * through the same resolver and cache: no request of its own, none when the cache is warm.
 *
 * Formats: a terminal table (default), Markdown, JSON, and one self-contained HTML page
 * (sortable table, per-event bars; no network when viewed). Offline or without a token it
 * answers from the cache and says what it cannot know; it exits 0 unless it was used wrongly.
 */
import fs from "node:fs";
import path from "node:path";
import { globby } from "globby";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import type { Root } from "mdast";
import { kindName, stateOf, stateWords, workOf, type Work } from "../../github/states.js";
import type { LinkState, Verdict } from "../../github/checks.js";
import { checkKey } from "../../github/checks.js";
import { githubResolver } from "../../github/resolver.js";
import { shortForm } from "../../github/link-text.js";
import { isWrapup } from "../../wrapup/detect.js";
import { modelFromMdast } from "../../model/from-mdast.js";
import { profileFor, ProfileError } from "../../profile/load.js";
import { projectsOf } from "../../wrapup/projects.js";
import { commandArgs, CommandError, type CommandIo } from "./command.js";

export const STATUS_USAGE = `Usage: wrapup-lint status [FILES...] [--format NAME] [--output FILE] [--stalled-after N]

What became of each project of the wrap-ups: every GitHub link with what GitHub says of it now
(pull request open / draft / merged / closed without merge, issue or discussion open / closed
with its reason, branch present / deleted, repository archived, release present), one word per
project and totals per event. FILES are files or globs (default: every Markdown file below
this folder); pages that are no wrap-ups are left out.

  done         nothing left open, and some of its work merged or completed
  in progress  work open, touched in the last N months
  stalled      work open, none of it touched in N months
  closed       nothing open and nothing done (closed without merge, not planned)
  unknown      no pull request, issue or discussion GitHub answered for

Options:
  --format NAME        table (default) | markdown | json | html (one self-contained page)
  --output FILE        write the report to FILE instead of the terminal
  --stalled-after N    months without activity after which open work is stalled (default 6)
  --offline            no network: what the link cache knows
  --help               show this help

The states come from the same batched GitHub queries and cache as WU007 (GITHUB_TOKEN or
GH_TOKEN; no request when the cache knows them). Offline or without a token it says what it
cannot know. Exit status: 0, or 2 when used wrongly.`;

export const STATUS_FORMATS = ["table", "markdown", "json", "html"] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number];

export type Summary = "done" | "in progress" | "stalled" | "closed" | "unknown";

export interface LinkStatus {
  url: string;
  /** `owner/repo#N`, `owner/repo`, `owner/repo:branch/path`, or the URL. */
  name: string;
  line: number;
  /** What GitHub said: a state, `missing` (not found), or `unknown` (no answer). */
  kind: string | null;
  state: string | null;
  /** The state in words (`merged`, `closed (not planned)`, `deleted`), or why it is unknown. */
  words: string;
  reason: string | null;
  updatedAt: string | null;
  /** For pull requests, issues and discussions: where the work stands. */
  work: Work | null;
}

export interface ProjectStatus {
  title: string;
  line: number;
  summary: Summary;
  /** The last activity GitHub reports on its open work (or any of its links), ISO 8601. */
  lastActivity: string | null;
  links: LinkStatus[];
}

export interface EventStatus {
  file: string;
  title: string;
  projects: ProjectStatus[];
  totals: Totals;
}

export interface Totals {
  projects: Record<Summary, number>;
  /** Pull requests, issues and discussions by where their work stands; `unknown`: no answer. */
  work: Record<Work | "unknown", number>;
}

export interface StatusReport {
  generatedAt: string;
  stalledAfterMonths: number;
  /** What could not be known, in sentences (offline, no token, links GitHub did not answer). */
  notes: string[];
  events: EventStatus[];
  totals: Totals;
}

const SUMMARIES: Summary[] = ["done", "in progress", "stalled", "closed", "unknown"];

function emptyTotals(): Totals {
  return {
    projects: { done: 0, "in progress": 0, stalled: 0, closed: 0, unknown: 0 },
    work: { done: 0, open: 0, closed: 0, unknown: 0 },
  };
}

function addTotals(into: Totals, from: Totals): void {
  for (const s of SUMMARIES) into.projects[s] += from.projects[s];
  for (const w of ["done", "open", "closed", "unknown"] as const) into.work[w] += from.work[w];
}

/** Months between two instants, by calendar (an open PR last touched 2026-01-15 is 6 months old on 2026-07-15). */
function olderThanMonths(iso: string, months: number, now: Date): boolean {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return false;
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return then.getTime() < limit.getTime();
}

const latest = (dates: (string | null)[]): string | null =>
  dates
    .filter((d): d is string => d !== null)
    .sort()
    .pop() ?? null;

/** One project's word from its links' states: never "done" or "stalled" without GitHub's answer. */
export function summarize(
  links: LinkStatus[],
  stalledAfterMonths: number,
  now: Date,
): { summary: Summary; lastActivity: string | null } {
  const work = links.filter((l) => l.work !== null);
  const unanswered = links.some((l) => l.kind === null && /^(?:pull|issue|discussion)$/.test(linkKindOf(l.url)));
  const open = work.filter((l) => l.work === "open");
  const lastAll = latest(links.map((l) => l.updatedAt));
  if (open.length > 0) {
    const last = latest(open.map((l) => l.updatedAt));
    if (last !== null && open.every((l) => l.updatedAt !== null) && olderThanMonths(last, stalledAfterMonths, now))
      return { summary: "stalled", lastActivity: last };
    return { summary: "in progress", lastActivity: last ?? lastAll };
  }
  // Nothing open among the answers: a link without one might be open.
  if (work.length === 0 || unanswered) return { summary: "unknown", lastActivity: lastAll };
  if (work.some((l) => l.work === "done")) return { summary: "done", lastActivity: lastAll };
  return { summary: "closed", lastActivity: lastAll };
}

/** The kind of thing a URL names, from its path (for links GitHub did not answer). */
function linkKindOf(url: string): string {
  const m = /github\.com\/[^/]+\/[^/]+\/(pull|pulls|issues|discussions)\/\d+/i.exec(url);
  if (!m) return "other";
  return m[1]!.toLowerCase().startsWith("pull") ? "pull" : m[1]!.toLowerCase() === "issues" ? "issue" : "discussion";
}

function linkStatus(url: string, name: string, line: number, verdict: Verdict): LinkStatus {
  const state: LinkState | null = stateOf(verdict);
  if (state) {
    return {
      url,
      name,
      line,
      kind: kindName(state),
      state: state.state,
      words: stateWords(state),
      reason: state.reason,
      updatedAt: state.updatedAt,
      work: workOf(state),
    };
  }
  if (verdict.status === "missing")
    return {
      url,
      name,
      line,
      kind: "missing",
      state: "missing",
      words: `not found (${verdict.missing})`,
      reason: null,
      updatedAt: null,
      work: null,
    };
  if (verdict.status === "ok")
    return {
      url,
      name,
      line,
      kind: "present",
      state: "present",
      words: "present",
      reason: null,
      updatedAt: null,
      work: null,
    };
  const words = verdict.status === "unverified" ? `unknown (${verdict.reason})` : "unknown (not in the cache)";
  return { url, name, line, kind: null, state: null, words, reason: null, updatedAt: null, work: null };
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(remarkGfm);

/** The title of a wrap-up: its front matter's `title`, else its H1, else the file name. */
function titleOf(model: ReturnType<typeof modelFromMdast>, file: string): string {
  const fm = model.frontMatter;
  if (fm?.kind === "yaml") {
    const line = fm.body.find((l) => /^title:\s*\S/.test(l));
    if (line)
      return line
        .replace(/^title:\s*/, "")
        .replace(/^(["'])(.*)\1\s*$/, "$2")
        .trim();
  }
  return model.h1?.plain ?? path.basename(file);
}

export interface StatusOptions {
  stalledAfterMonths: number;
  /** Answer from the cache only. */
  offline: boolean;
  now?: Date;
}

/** The report for these files (absolute paths), asking GitHub through the run's one resolver. */
export async function statusOf(files: string[], cwd: string, options: StatusOptions): Promise<StatusReport> {
  const now = options.now ?? new Date();
  const resolver = githubResolver();
  const offline = options.offline || resolver.config.offline;
  const notes: string[] = [];
  const pending: {
    file: string;
    title: string;
    projects: {
      title: string;
      line: number;
      links: { url: string; name: string; line: number; verdict: Verdict | Promise<Verdict> }[];
    }[];
  }[] = [];
  // Every file read and every check asked first, so that they go in as few batches as they can.
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (error) {
      notes.push(
        `${path.relative(cwd, file)} could not be read (${(error as NodeJS.ErrnoException).code ?? "error"}).`,
      );
      continue;
    }
    const vfile = new VFile({ value: text, path: file });
    const tree = processor.runSync(processor.parse(vfile), vfile) as Root;
    const model = modelFromMdast(tree, vfile);
    const profile = profileFor(file);
    if (!isWrapup(model, profile)) continue;
    pending.push({
      file: path.relative(cwd, file).split(path.sep).join("/"),
      title: titleOf(model, file),
      projects: projectsOf(model, profile).map((p) => {
        const seen = new Set<string>();
        const links = [];
        for (const l of p.links) {
          // Each thing once per project (a pull request linked in Code and in the prose).
          const key = checkKey(l.check);
          if (seen.has(key)) continue;
          seen.add(key);
          links.push({
            url: l.url,
            name: shortForm(l.target) ?? l.url,
            line: l.link.span.start.line,
            verdict: offline ? resolver.resolveCached(l.check) : resolver.resolve(l.check),
          });
        }
        return { title: p.title, line: p.section.heading.line, links };
      }),
    });
  }
  const events: EventStatus[] = [];
  const totals = emptyTotals();
  for (const event of pending) {
    const eventTotals = emptyTotals();
    const projects: ProjectStatus[] = [];
    for (const p of event.projects) {
      const links: LinkStatus[] = [];
      for (const l of p.links)
        links.push(linkStatus(l.url, l.name, l.line, l.verdict instanceof Promise ? await l.verdict : l.verdict));
      const { summary, lastActivity } = summarize(links, options.stalledAfterMonths, now);
      projects.push({ title: p.title, line: p.line, summary, lastActivity, links });
      eventTotals.projects[summary]++;
      for (const l of links) {
        if (l.work) eventTotals.work[l.work]++;
        else if (l.kind === null && linkKindOf(l.url) !== "other") eventTotals.work.unknown++;
      }
    }
    addTotals(totals, eventTotals);
    events.push({ file: event.file, title: event.title, projects, totals: eventTotals });
  }
  const unknown = events.flatMap((e) => e.projects.flatMap((p) => p.links)).filter((l) => l.kind === null).length;
  if (unknown > 0) {
    const why = offline
      ? resolver.config.token || !tokenMissing()
        ? "offline, and the link cache does not know them"
        : "no GitHub token (set GITHUB_TOKEN or GH_TOKEN), and the link cache does not know them"
      : "GitHub did not answer for them";
    notes.push(
      `${unknown} link${unknown === 1 ? "'s state is" : "s' states are"} unknown: ${why}. Projects with no answered pull request, issue or discussion are \`unknown\`, never done.`,
    );
  }
  return { generatedAt: now.toISOString(), stalledAfterMonths: options.stalledAfterMonths, notes, events, totals };
}

/** No token for github.com (a GitHub Enterprise named by GITHUB_API_URL may answer without). */
function tokenMissing(env: NodeJS.ProcessEnv = process.env): boolean {
  return !(env["GITHUB_TOKEN"] || env["GH_TOKEN"] || env["GITHUB_API_URL"] || env["GITHUB_GRAPHQL_URL"]);
}

// ---------------------------------------------------------------------------------------------
// Formats

const totalsLine = (t: Totals): string =>
  `${
    SUMMARIES.filter((s) => t.projects[s] > 0)
      .map((s) => `${t.projects[s]} ${s}`)
      .join(", ") || "no projects"
  }; work: ${t.work.done} done, ${t.work.open} open, ${t.work.closed} closed${t.work.unknown ? `, ${t.work.unknown} unknown` : ""}`;

const linkText = (l: LinkStatus): string =>
  `${l.name} ${l.kind && l.kind !== "present" && l.kind !== "missing" ? `${l.kind} ` : ""}${l.words}`;

/** A terminal table: per wrap-up, one row per project (its links on lines of their own). */
export function formatTable(report: StatusReport): string {
  const out: string[] = [];
  for (const e of report.events) {
    out.push(`${e.file}  ${e.title}`);
    const rows = e.projects.map(
      (p) => [p.title, p.summary, p.lastActivity?.slice(0, 10) ?? "-", p.links.map(linkText)] as const,
    );
    const w0 = Math.min(60, Math.max(7, ...rows.map((r) => [...r[0]].length)));
    const w1 = Math.max(6, ...rows.map((r) => r[1].length));
    const cut = (s: string, w: number): string => ([...s].length > w ? [...s].slice(0, w - 1).join("") + "…" : s);
    const pad = (s: string, w: number): string => s + " ".repeat(Math.max(0, w - [...s].length));
    out.push(`  ${pad("project", w0)}  ${pad("status", w1)}  ${pad("activity", 10)}  links`);
    for (const [title, summary, activity, links] of rows) {
      out.push(`  ${pad(cut(title, w0), w0)}  ${pad(summary, w1)}  ${pad(activity, 10)}  ${links[0] ?? "-"}`);
      for (const l of links.slice(1)) out.push(`  ${pad("", w0)}  ${pad("", w1)}  ${pad("", 10)}  ${l}`);
    }
    out.push(`  total: ${totalsLine(e.totals)}`, "");
  }
  out.push(`${report.events.length} wrap-up${report.events.length === 1 ? "" : "s"}: ${totalsLine(report.totals)}`);
  for (const note of report.notes) out.push(`note: ${note}`);
  return out.join("\n");
}

const mdCell = (s: string): string =>
  s
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/([[\]*_`<>])/g, "\\$1");

/** Markdown: a section per wrap-up, a table per section, for the next wrap-up's intro or an issue. */
export function formatMarkdown(report: StatusReport): string {
  const out: string[] = [];
  for (const e of report.events) {
    out.push(
      `### ${mdCell(e.title)}`,
      "",
      `\`${e.file}\`: ${totalsLine(e.totals)}`,
      "",
      "| Project | Status | Last activity | Links |",
      "| --- | --- | --- | --- |",
    );
    for (const p of e.projects) {
      const links = p.links
        .map(
          (l) =>
            `[${mdCell(l.name)}](${l.url.replace(/[()\s]/g, encodeURIComponent)}) ${mdCell(linkText(l).slice(l.name.length + 1))}`,
        )
        .join("<br>");
      out.push(`| ${mdCell(p.title)} | ${p.summary} | ${p.lastActivity?.slice(0, 10) ?? ""} | ${links || "–"} |`);
    }
    out.push("");
  }
  out.push(
    `**Total** (${report.events.length} wrap-up${report.events.length === 1 ? "" : "s"}): ${totalsLine(report.totals)}`,
  );
  for (const note of report.notes) out.push("", `> ${mdCell(note).replace(/\\`/g, "`")}`);
  return out.join("\n");
}

export function formatJson(report: StatusReport): string {
  return JSON.stringify(report, null, 2);
}

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** One self-contained HTML page: inline CSS and JS, a sortable table, per-event bars; nothing fetched. */
export function formatHtml(report: StatusReport): string {
  const bar = (t: Totals): string => {
    const sum = t.work.done + t.work.open + t.work.closed + t.work.unknown;
    const part = (n: number, cls: string, label: string): string =>
      n > 0 ? `<span class="${cls}" style="flex-grow:${n}" title="${n} ${label}">${n}</span>` : "";
    return sum === 0
      ? `<div class="bar empty">no pull requests, issues or discussions</div>`
      : `<div class="bar">${part(t.work.done, "done", "done")}${part(t.work.open, "open", "open")}${part(t.work.closed, "closed", "closed")}${part(t.work.unknown, "unknown", "unknown")}</div>`;
  };
  const bars = report.events
    .map(
      (e) =>
        `<tr><th scope="row">${esc(e.title)} <small>${esc(e.file)}</small></th><td class="bars">${bar(e.totals)}</td><td class="num">${SUMMARIES.map(
          (s) => `${e.totals.projects[s]} ${s}`,
        )
          .filter((s) => !s.startsWith("0 "))
          .join(", ")}</td></tr>`,
    )
    .join("\n");
  const rows = report.events
    .flatMap((e) =>
      e.projects.map((p) => {
        const links = p.links
          .map(
            (l) =>
              `<li><a href="${esc(l.url)}">${esc(l.name)}</a> <span class="state s-${esc((l.work ?? l.state ?? "unknown").replace(/\W+/g, "-"))}">${esc(linkText(l).slice(l.name.length + 1))}</span></li>`,
          )
          .join("");
        return `<tr><td data-sort="${esc(e.file)}">${esc(e.title)}</td><td>${esc(p.title)}</td><td data-sort="${SUMMARIES.indexOf(p.summary)}"><span class="summary ${p.summary.replace(" ", "-")}">${p.summary}</span></td><td data-sort="${esc(p.lastActivity ?? "")}">${esc(p.lastActivity?.slice(0, 10) ?? "")}</td><td class="num" data-sort="${p.links.length}">${p.links.length}</td><td><ul>${links}</ul></td></tr>`;
      }),
    )
    .join("\n");
  const notes = report.notes.map((n) => `<p class="note">${esc(n)}</p>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>What became of each project</title>
<style>
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5rem;color:#1f2328;background:#fff}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
#projects td{overflow-wrap:anywhere}#projects td:nth-child(4){white-space:nowrap}
#projects thead th{white-space:nowrap;cursor:pointer;user-select:none;background:#f6f8fa;position:sticky;top:0}
#projects thead th[aria-sort=ascending]::after{content:" ▲"}#projects thead th[aria-sort=descending]::after{content:" ▼"}
ul{margin:0;padding-left:1rem}.num{text-align:right;white-space:nowrap}small{color:#59636e}
#events th,#events td{padding:.2rem .5rem;white-space:nowrap}#events td.bars{width:60%}
.bar{display:flex;min-width:18rem;height:1.1rem;border-radius:4px;overflow:hidden;font-size:12px;color:#fff}
.bar span{display:flex;align-items:center;justify-content:center;min-width:1.4rem}
.bar .done,.summary.done{background:#8250df}.bar .open,.summary.in-progress{background:#1a7f37}.bar .closed,.summary.closed{background:#cf222e}.bar .unknown,.summary.unknown{background:#818b98}.summary.stalled{background:#9a6700}
.bar.empty{color:#59636e}.summary{color:#fff;border-radius:1em;padding:0 .5em;white-space:nowrap}
.state{color:#59636e}.s-done{color:#8250df}.s-open{color:#1a7f37}.s-closed{color:#cf222e}
.note{background:#fff8c5;border:1px solid #d4a72c66;padding:.4rem .6rem;border-radius:4px}
.legend span{display:inline-block;width:.8em;height:.8em;margin:0 .2em 0 .8em;border-radius:2px}
</style>
</head>
<body>
<h1>What became of each project</h1>
<p><small>${report.events.length} wrap-up${report.events.length === 1 ? "" : "s"}, states from GitHub as of ${esc(report.generatedAt.slice(0, 16).replace("T", " "))} UTC; open work untouched for ${report.stalledAfterMonths} months is stalled. ${esc(totalsLine(report.totals))}.</small></p>
${notes}
<h2>Per event</h2>
<p class="legend"><small>Pull requests, issues and discussions:<span style="background:#8250df"></span>done<span style="background:#1a7f37"></span>open<span style="background:#cf222e"></span>closed<span style="background:#818b98"></span>unknown</small></p>
<table id="events"><tbody>
${bars}
</tbody></table>
<h2>Projects</h2>
<table id="projects">
<thead><tr><th data-key="event">Event</th><th data-key="project">Project</th><th data-key="status">Status</th><th data-key="activity">Last activity</th><th data-key="links">Links</th><th data-key="states">What GitHub says</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<script>
(function () {
  var table = document.getElementById("projects");
  var heads = table.tHead.rows[0].cells;
  function key(row, i) {
    var cell = row.cells[i];
    var v = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    return /^-?\\d+(\\.\\d+)?$/.test(v) ? Number(v) : v.toLowerCase();
  }
  Array.prototype.forEach.call(heads, function (th, i) {
    th.title = "Sort by " + th.textContent.toLowerCase();
    th.addEventListener("click", function () {
      var down = th.getAttribute("aria-sort") === "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", down ? "descending" : "ascending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, i), y = key(b, i);
        var c = x < y ? -1 : x > y ? 1 : 0;
        return down ? -c : c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
      if (history.replaceState) history.replaceState(null, "", "#sort=" + (down ? "-" : "") + th.getAttribute("data-key"));
    });
  });
  // A link may say how to sort: #sort=status, #sort=-activity (descending).
  var m = /^#sort=(-?)([a-z]+)$/.exec(location.hash);
  if (m) {
    Array.prototype.forEach.call(heads, function (th) {
      if (th.getAttribute("data-key") !== m[2]) return;
      th.click();
      if (m[1]) th.click();
    });
  }
})();
</script>
</body>
</html>
`;
}

export function formatStatus(report: StatusReport, format: StatusFormat): string {
  switch (format) {
    case "table":
      return formatTable(report);
    case "markdown":
      return formatMarkdown(report);
    case "json":
      return formatJson(report);
    case "html":
      return formatHtml(report);
  }
}

export async function runStatus(argv: string[], io: CommandIo): Promise<number> {
  const parsed = commandArgs(
    "status",
    argv,
    {
      format: { type: "string" },
      output: { type: "string" },
      "stalled-after": { type: "string" },
      offline: { type: "boolean" },
    },
    STATUS_USAGE,
    io,
  );
  if (!parsed) return 0;
  const format = (parsed.values.format ?? "table") as StatusFormat;
  if (!STATUS_FORMATS.includes(format))
    throw new CommandError(
      `status: unknown format \`${parsed.values.format}\`, expected one of ${STATUS_FORMATS.join(", ")}`,
    );
  const months = Number(parsed.values["stalled-after"] ?? "6");
  if (!Number.isInteger(months) || months < 1)
    throw new CommandError(
      `status: --stalled-after takes a whole number of months (1 or more), found \`${parsed.values["stalled-after"]}\``,
    );
  const patterns = parsed.positionals.length > 0 ? parsed.positionals : ["**/*.md"];
  const files: string[] = [];
  for (const pattern of patterns) {
    const named = path.resolve(io.cwd, pattern);
    if (fs.existsSync(named) && fs.statSync(named).isFile()) {
      files.push(named);
      continue;
    }
    const found = await globby(pattern, {
      cwd: io.cwd,
      absolute: true,
      gitignore: true,
      ignore: ["**/node_modules/**", "**/.git/**"],
    });
    if (found.length === 0) throw new CommandError(`status: no file matches \`${pattern}\``);
    files.push(...found.sort());
  }
  // Without a token github.com answers nothing: the cache is all there is (as the lint run does).
  const noToken = tokenMissing();
  if (noToken) process.env["WRAPUP_LINT_OFFLINE"] = "1";
  let report: StatusReport;
  try {
    report = await statusOf([...new Set(files)], io.cwd, {
      stalledAfterMonths: months,
      offline: parsed.values.offline === true || noToken,
    });
  } catch (error) {
    if (error instanceof ProfileError) throw new CommandError(`status: ${error.message.split("\n")[0]}`);
    throw error;
  }
  if (noToken)
    report.notes.unshift(
      "No GitHub token (set GITHUB_TOKEN or GH_TOKEN; read access to public repositories is enough): states come from the link cache only.",
    );
  const text = formatStatus(report, format);
  if (parsed.values.output) {
    fs.writeFileSync(path.resolve(io.cwd, parsed.values.output), text.endsWith("\n") ? text : `${text}\n`);
    for (const note of report.notes) io.err(`wrapup-lint status: ${note}`);
  } else {
    io.out(text);
    // The table and Markdown carry the notes; JSON carries them in `notes`; say them on stderr too.
    if (format === "json") for (const note of report.notes) io.err(`wrapup-lint status: ${note}`);
  }
  return 0;
}
