/**
 * WU008 beside ftfy 6.3.1 (Python's mojibake fixer) on the same inputs:
 * - damaged: every real wrap-up damaged whole through each code page WU008 knows, with undefined
 *   bytes kept as C1 controls or dropped, every C1 byte lost (ISO-8859-1/-2), and twice;
 * - the seed page (a real wrap-up read as Windows-1254, undefined bytes dropped);
 * - clean: the Gardener docs corpus, and the translations of Debian's gettext catalogs.
 * Per damaged line: exact (the fixed line is the original), wrong (a character that is neither
 * the original nor its damaged form), missed (left as it was: no WU008 finding, ftfy unchanged),
 * left (reported, not fully restored). Clean lines: false reports (a WU008 finding; ftfy changing
 * the line). Time: WU008's check and fixes in-process (after the parse), ftfy's fix_text in its
 * process (after start-up). Also a second `--fix`: lines a second pass still changes.
 *
 *   npx vite-node bench/wu008-ftfy.ts [--python PATH] [--json FILE]
 *
 * ftfy is not a dependency of the project: put it in a virtualenv of its own
 * (`python3 -m venv /tmp/ftfy && /tmp/ftfy/bin/pip install ftfy==6.3.1`) and pass its python,
 * or set FTFY_PYTHON. Without it the WU008 half runs alone, and says so.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { emojiEncoding } from "../rules/wu008-emoji-encoding.js";
import { catalogText, isKnownDamage } from "../test/helpers/catalogs.js";
import { CORPUS, HACKATHONS, corpusFiles, readWrapup, wrapups } from "../test/helpers/real-pages.js";
import { damages } from "../test/helpers/damage.js";
import { neverWrong } from "../test/helpers/encoding.js";
import { remarkModel } from "../test/helpers/models.js";
import { located, type Located } from "../src/core/rule.js";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
};
const python = option("python") ?? process.env.FTFY_PYTHON ?? "/tmp/ftfy-venv/bin/python";

/** WU008 over a document: its findings, and the document with every fix applied (as --fix does). */
function wu008(text: string): { findings: Located[]; fixed: string; ms: number } {
  const started = performance.now();
  const model = remarkModel(text);
  const parsed = performance.now();
  const findings = located(emojiEncoding.check(model, emojiEncoding.defaults));
  const lines = text.split("\n");
  const byLine = new Map<number, Located[]>();
  for (const f of findings) if (f.fix) byLine.set(f.fix.line, [...(byLine.get(f.fix.line) ?? []), f]);
  for (const [line, fixes] of byLine) {
    let out = lines[line - 1]!;
    for (const f of [...fixes].sort((a, b) => b.fix!.column - a.fix!.column)) {
      const at = f.fix!.column - 1;
      out = out.slice(0, at) + f.fix!.insertText + out.slice(at + f.fix!.deleteCount);
    }
    lines[line - 1] = out;
  }
  return { findings, fixed: lines.join("\n"), ms: performance.now() - started - (parsed - started) };
}

interface Case {
  set: string;
  damaged: string;
  original: string;
  apply: (text: string) => string;
}

type Verdict = "exact" | "wrong" | "missed" | "left";
/**
 * The original as WU008 would leave it: a real page's own broken sequences tidied (its doubled
 * U+FE0F after ⚖). Either counts as exact, for both tools.
 */
const tidy = (line: string): string => (/[\uFE0F\u20E3]/.test(line) ? wu008(line).fixed : line);
const verdict = (
  fixed: string,
  damaged: string,
  original: string,
  reported: boolean,
  apply: (t: string) => string,
): Verdict => {
  if (fixed === original || fixed === tidy(original)) return "exact";
  if (!neverWrong(fixed, original, apply)) return "wrong";
  return reported ? "left" : "missed";
};

// ---- the damaged set and the seed ----
const damagedCases: Case[] = [];
let wu008DamagedMs = 0;
const wuVerdicts: Record<string, Record<Verdict, number>> = {};
let secondPass = 0;
const wrongExamples: string[] = [];
const tally = (set: string, v: Verdict): void => {
  wuVerdicts[set] ??= { exact: 0, wrong: 0, missed: 0, left: 0 };
  wuVerdicts[set]![v]++;
};
for (const damage of damages()) {
  for (const name of wrapups()) {
    const original = readWrapup(name);
    const damaged = original.split("\n").map(damage.apply).join("\n");
    const { findings, fixed, ms } = wu008(damaged);
    wu008DamagedMs += ms;
    const again = wu008(fixed).fixed;
    const o = original.split("\n");
    const d = damaged.split("\n");
    const f = fixed.split("\n");
    const a = again.split("\n");
    const reportedLines = new Set(findings.map((x) => x.line));
    d.forEach((line, i) => {
      if (line === o[i]) return;
      const v = verdict(f[i]!, line, o[i]!, reportedLines.has(i + 1), damage.apply);
      tally(`damaged ${damage.mode}`, v);
      tally("damaged", v);
      if (v === "wrong" && wrongExamples.length < 40)
        wrongExamples.push(
          `${damage.name} ${name}:${i + 1}: ${JSON.stringify(line.slice(0, 80))} → ${JSON.stringify(f[i]!.slice(0, 80))} (was ${JSON.stringify(o[i]!.slice(0, 80))})`,
        );
      if (a[i] !== f[i]) secondPass++;
      damagedCases.push({ set: `damaged ${damage.mode}`, damaged: line, original: o[i]!, apply: damage.apply });
    });
  }
}

const seedPath = path.join(CORPUS, "..", "seed", "2023-11-wrapup-mojibake.md");
const seedCases: Case[] = [];
let seedMs = 0;
if (fs.existsSync(seedPath)) {
  const seed = fs.readFileSync(seedPath, "utf8");
  const truthLines = fs.readFileSync(path.join(HACKATHONS, "2023-11.md"), "utf8").split("\n");
  const skeleton = (s: string): string => s.replace(/[^\x00-\x7F]/g, "");
  const { findings, fixed, ms } = wu008(seed);
  seedMs = ms;
  const reported = new Set(findings.map((f) => f.line));
  const w1254 = damages().find((d) => d.name === "Windows-1254, undefined bytes dropped")!;
  seed.split("\n").forEach((line, i) => {
    if (!/[^\x00-\x7F]/.test(line)) return;
    const original = truthLines.find((o) => skeleton(o) === skeleton(line));
    if (original === undefined) return;
    tally("seed", verdict(fixed.split("\n")[i]!, line, original, reported.has(i + 1), w1254.apply));
    seedCases.push({ set: "seed", damaged: line, original, apply: w1254.apply });
  });
}

// ---- clean sets ----
const cleanSets: Record<string, string[]> = { corpus: [], catalogs: [] };
/** Catalog lines with the damage really in them (KNOWN_DAMAGE): not clean, left out of both counts. */
const catalogDamaged = new Set<number>();
const wuFalse: Record<string, number> = {};
const wuCleanMs: Record<string, number> = {};
const falseExamples: string[] = [];
const files = fs.existsSync(CORPUS) ? corpusFiles() : [];
wuFalse.corpus = 0;
wuCleanMs.corpus = 0;
for (const file of files) {
  const text = fs.readFileSync(path.join(CORPUS, file), "utf8");
  const { findings, ms } = wu008(text);
  wuCleanMs.corpus += ms;
  const lines = text.split("\n");
  // The corpus's only damage: a doubled U+FE0F after ⚖ on two lines, which WU008 reports.
  wuFalse.corpus += new Set(
    findings.filter((f) => !lines[f.line - 1]!.includes("\uFE0F\uFE0F")).map((f) => f.line),
  ).size;
  for (const line of lines) if (/[^\x00-\x7F]/.test(line)) cleanSets.corpus!.push(line);
}
const languages = catalogText();
wuFalse.catalogs = 0;
wuCleanMs.catalogs = 0;
for (const language of languages) {
  // One document per language: each translated line a paragraph of its own.
  const text = language.lines.map((l) => l.text).join("\n\n");
  const { findings, ms } = wu008(text);
  wuCleanMs.catalogs += ms;
  const lines = text.split("\n");
  for (const line of new Set(findings.map((f) => f.line))) {
    const entry = language.lines[(line - 1) / 2];
    if (entry && isKnownDamage(language.locale, entry.catalog, entry.text)) continue;
    wuFalse.catalogs++;
    if (falseExamples.length < 60)
      falseExamples.push(`${language.locale}: ${JSON.stringify(lines[line - 1]!.slice(0, 80))}`);
  }
  for (const l of language.lines) {
    if (isKnownDamage(language.locale, l.catalog, l.text)) catalogDamaged.add(cleanSets.catalogs!.length);
    cleanSets.catalogs!.push(l.text);
  }
}

// ---- ftfy ----
interface FtfyResult {
  outputs: Record<string, string[]>;
  ms: Record<string, number>;
  version: string;
}
function runFtfy(sets: Record<string, string[]>): FtfyResult | null {
  const probe = spawnSync(python, ["-c", "import ftfy; print(ftfy.__version__)"], { encoding: "utf8" });
  if (probe.status !== 0) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wu008-ftfy-"));
  const input = path.join(dir, "in.json");
  const output = path.join(dir, "out.json");
  fs.writeFileSync(input, JSON.stringify(sets));
  const script = `
import json, sys, time, ftfy
# Only what concerns encoding: no quote uncurling, width folding, ligatures, HTML or line breaks.
config = ftfy.TextFixerConfig(unescape_html=False, fix_latin_ligatures=False, fix_character_width=False,
                              uncurl_quotes=False, fix_line_breaks=False, normalization=None)
sets = json.load(open(sys.argv[1], encoding="utf-8"))
out, ms = {}, {}
for name, lines in sets.items():
    start = time.perf_counter()
    out[name] = [ftfy.fix_text(line, config) for line in lines]
    ms[name] = (time.perf_counter() - start) * 1000
json.dump({"outputs": out, "ms": ms, "version": ftfy.__version__}, open(sys.argv[2], "w", encoding="utf-8"))
`;
  const run = spawnSync(python, ["-c", script, input, output], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`ftfy failed: ${run.stderr}`);
  const result = JSON.parse(fs.readFileSync(output, "utf8")) as FtfyResult;
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

const bySet = new Map<string, Case[]>();
for (const c of [...damagedCases, ...seedCases]) bySet.set(c.set, [...(bySet.get(c.set) ?? []), c]);
const ftfy = runFtfy({
  ...Object.fromEntries([...bySet].map(([set, cases]) => [set, cases.map((c) => c.damaged)])),
  ...cleanSets,
});

const ftfyVerdicts: Record<string, Record<Verdict, number>> = {};
const ftfyFalse: Record<string, number> = {};
if (ftfy) {
  for (const [set, cases] of bySet) {
    const outputs = ftfy.outputs[set]!;
    cases.forEach((c, i) => {
      const v = verdict(outputs[i]!, c.damaged, c.original, outputs[i] !== c.damaged, c.apply);
      for (const key of set === "seed" ? ["seed"] : [set, "damaged"]) {
        ftfyVerdicts[key] ??= { exact: 0, wrong: 0, missed: 0, left: 0 };
        ftfyVerdicts[key]![v]++;
      }
    });
  }
  for (const [set, lines] of Object.entries(cleanSets)) {
    ftfyFalse[set] = ftfy.outputs[set]!.filter(
      (o, i) => o !== lines[i] && !(set === "catalogs" && catalogDamaged.has(i)),
    ).length;
  }
}

// ---- report ----
const pct = (n: number, of: number): string => (of === 0 ? "–" : `${((100 * n) / of).toFixed(1)} %`);
const row = (set: string, v: Record<Verdict, number> | undefined): string => {
  if (!v) return "–";
  const total = v.exact + v.wrong + v.missed + v.left;
  return `${v.exact}/${total} exact (${pct(v.exact, total)}), ${v.wrong} wrong, ${v.missed} missed, ${v.left} left`;
};
const ftfySum = (...sets: string[]): number => sets.reduce((s, k) => s + (ftfy?.ms[k] ?? 0), 0);
const damagedSets = [...bySet.keys()].filter((k) => k.startsWith("damaged"));
console.log(
  `WU008 beside ${ftfy ? `ftfy ${ftfy.version}` : "ftfy (not found: pass --python or FTFY_PYTHON; WU008 alone)"}`,
);
console.log(
  `damaged: ${damages().length} damages × ${wrapups().length} wrap-ups, ${damagedCases.length} damaged lines`,
);
for (const set of ["damaged", ...damagedSets.sort(), "seed"]) {
  console.log(`  ${set.padEnd(16)} WU008 ${row(set, wuVerdicts[set])}`);
  if (ftfy) console.log(`  ${"".padEnd(16)} ftfy  ${row(set, ftfyVerdicts[set])}`);
}
console.log(`  a second WU008 --fix changes ${secondPass} of the damaged lines`);
console.log(
  `clean: corpus ${cleanSets.corpus!.length} non-ASCII lines of ${files.length} files (its doubled U+FE0F left out), ` +
    `catalogs ${cleanSets.catalogs!.length} non-ASCII lines in ${languages.length} locales (the ${catalogDamaged.size} with damage really in them left out)`,
);
for (const set of ["corpus", "catalogs"]) {
  console.log(
    `  ${set.padEnd(16)} false reports: WU008 ${wuFalse[set]} lines${ftfy ? `, ftfy ${ftfyFalse[set]} lines changed` : ""}`,
  );
}
console.log(
  `time: WU008 damaged ${wu008DamagedMs.toFixed(0)} ms, seed ${seedMs.toFixed(1)} ms, corpus ${wuCleanMs.corpus!.toFixed(0)} ms, catalogs ${wuCleanMs.catalogs!.toFixed(0)} ms` +
    (ftfy
      ? `; ftfy damaged ${ftfySum(...damagedSets).toFixed(0)} ms, seed ${ftfySum("seed").toFixed(1)} ms, corpus ${ftfySum("corpus").toFixed(0)} ms, catalogs ${ftfySum("catalogs").toFixed(0)} ms`
      : ""),
);
if (args.includes("--verbose")) {
  console.log("wrong:\n" + wrongExamples.join("\n"));
  console.log("false reports:\n" + falseExamples.join("\n"));
}
const json = option("json");
if (json)
  fs.writeFileSync(
    json,
    JSON.stringify(
      { wuVerdicts, ftfyVerdicts, wuFalse, ftfyFalse, secondPass, wu008DamagedMs, wuCleanMs, ftfyMs: ftfy?.ms ?? null },
      null,
      2,
    ),
  );
