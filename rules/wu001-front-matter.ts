/**
 * WU001 wrapup-front-matter: a wrap-up starts with YAML front matter that parses, matches a
 * JSON Schema (the Gardener pages' keys by default), and agrees with itself and the page: the
 * `weight` is minus YYYYMM of the `title`, and the title's month and year are those of the H1,
 * the event date and a dated file name.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import type { Node } from "yaml";
import { isRepositoryPage } from "../src/wrapup/detect.js";
import { isMap, isScalar, isSeq, locate, yamlFrontMatter, type YamlFrontMatter, type YamlSyntaxError } from "../src/wrapup/front-matter.js";
import type { WrapupModel } from "../src/model/types.js";
import { clip, code, codes, firstLine, join } from "../src/core/message.js";
import { expectation, instanceKey, pathOf, relevant, schemaOf } from "../src/profile/schema.js";
import type { Profile } from "../src/profile/types.js";
import type { Finding, Fix, WrapupRule } from "../src/core/rule.js";
import { monthOfPath, monthsIn, same, show, type MonthYear } from "../src/wrapup/dates.js";

const NAME = "wrapup-front-matter";

export const frontMatter: WrapupRule<Record<string, never>> = {
  code: "WU001",
  name: NAME,
  description: "Wrap-up front matter is valid YAML, matches the schema and agrees with the page",
  doc: "wu001-front-matter",
  fixable: true,
  fixes: "`weight`",
  scope: "wrapups",
  schema: { properties: {} },
  defaults: {},
  check(model, _options, profile) {
    const fm = model.frontMatter;
    const spec = profile.frontMatter;
    if (!fm) {
      // A repository's README.md is rendered by GitHub, which has no use for front matter.
      if (!spec.required || isRepositoryPage(model)) return [];
      const required = schemaOf(profile)?.required ?? [];
      return [
        {
          line: 1,
          message: `Unexpected wrap-up without front matter, expected a YAML block between \`---\` lines${withKeys(required)} at the top`,
        },
      ];
    }
    if (fm.kind !== "yaml") {
      const [label, opener] = fm.kind === "toml" ? ["TOML", "+++"] : ["JSON", "{"];
      return [
        {
          line: fm.startLine,
          column: 1,
          length: opener.length,
          message: `Unexpected ${label} front matter (\`${opener}\`), expected YAML front matter between \`---\` lines`,
          context: model.lines[fm.startLine - 1] ?? opener,
        },
      ];
    }
    if (fm.endLine === null) {
      return [
        {
          line: fm.startLine,
          column: 1,
          length: 3,
          message: "Unexpected `---` without a closing `---`, expected the front matter to end with a `---` line",
          context: "---",
        },
      ];
    }
    const yaml = yamlFrontMatter(model)!;
    if (yaml.errors.length > 0) return syntaxFindings(model, yaml);
    if (yaml.valueProblem) {
      const at = yaml.point(yaml.valueProblem.offset);
      const shown = snippet(model, at.line, at.column);
      return [{ line: at.line, column: at.column, length: shown.length, message: `Unexpected ${code(shown)}, expected plain YAML values (${yaml.valueProblem.message})`, context: shown }];
    }
    const empty = yaml.value === null || yaml.value === undefined;
    const schema = schemaOf(profile);
    const schemaFindings = schema ? validateValue(model, yaml, schema.validate, empty) : [];
    const consistency = consistencyFindings(model, yaml, profile, schemaFindings);
    // A weight that disagrees with the title is reported once, with the value it should have.
    const covered = new Set(consistency.map((c) => c.key));
    return [...schemaFindings.filter((f) => !covered.has(f.key)), ...consistency]
      .sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0))
      .map(({ key: _key, ...finding }) => finding);
  },
};

export default frontMatter;

/* ---------------------------------------------------------------- findings */

type Keyed = Finding & { key: string };

const QUOTE: Record<string, string> = { QUOTE_DOUBLE: '"', QUOTE_SINGLE: "'" };

function syntaxFindings(model: WrapupModel, yaml: YamlFrontMatter): Finding[] {
  const findings: Finding[] = [];
  const lines = new Set<number>();
  for (const error of yaml.errors) {
    // One finding per line: the library often reports one slip several times.
    if (lines.has(error.line)) continue;
    lines.add(error.line);
    findings.push(syntaxFinding(model, yaml, error));
  }
  return findings;
}

function syntaxFinding(model: WrapupModel, yaml: YamlFrontMatter, error: YamlSyntaxError): Finding {
  const { line, column } = error;
  const text = model.lines[line - 1] ?? "";
  const rest = text.slice(column - 1);
  const base = { line, column };
  if (error.scalar) {
    const quote = QUOTE[error.scalar.type ?? ""] ?? '"';
    const shown = clip(rest.trimEnd());
    return {
      ...base,
      length: shown.length,
      message: `Unexpected ${code(shown)} without a closing ${code(quote)}, expected ${code(shown + quote)}`,
      context: shown,
    };
  }
  if (error.unclosed) {
    const shown = clip(rest.trimEnd());
    const what = error.unclosed === "]" ? "list" : "mapping";
    return {
      ...base,
      length: shown.length,
      message: `Unexpected ${code(shown)} without a closing ${code(error.unclosed)}, expected ${code(error.unclosed)} to end the ${what}`,
      context: shown,
    };
  }
  const statement = clip(text.trim());
  switch (error.code) {
    case "DUPLICATE_KEY":
      return {
        ...base,
        length: error.key!.length,
        message: `Unexpected second \`${error.key}\` key, expected each key once (the first \`${error.key}\` is on line ${error.first!.line})`,
        context: error.key!,
      };
    case "TAB_AS_INDENT":
      return {
        ...base,
        length: 1,
        message: `Unexpected tab in the indentation of ${code(statement)}, expected spaces`,
        context: text.slice(0, text.length - text.trimStart().length),
      };
    case "BAD_INDENT": {
      const indent = text.length - text.trimStart().length;
      return {
        ...base,
        length: Math.max(1, indent),
        message: `Unexpected indentation of ${code(statement)} (${indent} ${indent === 1 ? "space" : "spaces"}), expected it to line up with the other keys of its mapping`,
        context: text,
      };
    }
    default: {
      const shown = clip(rest.trim()) || statement;
      return {
        ...base,
        length: Math.max(1, rest.trimEnd().length > 0 ? Math.min(rest.trimEnd().length, 30) : 1),
        message: shown
          ? `Unexpected ${code(shown)}, expected valid YAML (${error.message})`
          : `Unexpected end of the front matter, expected valid YAML (${error.message})`,
        ...(shown ? { context: shown } : {}),
      };
    }
  }
}

function validateValue(model: WrapupModel, yaml: YamlFrontMatter, validate: ValidateFunction, empty: boolean): Keyed[] {
  const data = empty ? {} : yaml.value;
  let valid: boolean;
  try {
    valid = validate(data) as boolean;
  } catch (error) {
    const start = model.frontMatter!.startLine;
    return [{ key: "", line: start, message: `Unexpected front matter the schema cannot check, expected simpler values (${(error as Error).message})` }];
  }
  if (valid) return [];
  const errors = relevant(validate.errors ?? []);
  if (empty) {
    const missing = errors.filter((e) => e.keyword === "required" && e.instancePath === "").map((e) => String(e.params["missingProperty"]));
    return [
      {
        key: "",
        line: model.frontMatter!.startLine,
        column: 1,
        length: 3,
        message: `Unexpected empty front matter, expected ${missing.length > 0 ? codes(missing, "and", 10) : "keys the schema accepts"}`,
      },
    ];
  }
  return errors.map((e) => schemaFinding(model, yaml, e));
}

function schemaFinding(model: WrapupModel, yaml: YamlFrontMatter, error: ErrorObject): Keyed {
  const fm = model.frontMatter!;
  const parts = pathOf(error.instancePath);
  const key = instanceKey(parts);
  const start = fm.startLine;
  // Where a key stands: its key node, or the opening `---` for the root.
  const keyPlace = (p: readonly string[]): Pick<Finding, "line" | "column" | "length"> => {
    if (p.length === 0) return { line: start, column: 1, length: 3 };
    const found = locate(yaml.document, p);
    const node = found.key ?? found.node;
    if (!node?.range) return keyPlace(p.slice(0, -1));
    const at = yaml.point(node.range[0]);
    const source = yaml.text.slice(node.range[0], node.range[1]);
    return { ...at, length: Math.max(1, firstLine(source).length) };
  };

  if (error.keyword === "required") {
    const missing = String(error.params["missingProperty"]);
    const owner = parts.length === 0 ? "front matter" : `\`${key}\``;
    return { key: instanceKey([...parts, missing]), ...keyPlace(parts), message: `Unexpected ${owner} without \`${missing}\`, expected a \`${missing}\` key` };
  }
  if (error.keyword === "additionalProperties" || error.keyword === "unevaluatedProperties") {
    const extra = String(error.params["additionalProperty"] ?? error.params["unevaluatedProperty"]);
    const allowed = Object.keys(((error.parentSchema ?? {}) as { properties?: object }).properties ?? {});
    const full = instanceKey([...parts, extra]);
    return {
      key: full,
      ...keyPlace([...parts, extra]),
      message: `Unexpected key \`${full}\`, expected ${allowed.length > 0 ? `only ${codes(allowed, "or", 10)}` : "no other keys"}`,
      context: extra,
    };
  }

  // Everything else is about a value: point at it and quote it.
  const found = locate(yaml.document, parts);
  const node = found.node;
  const place = node?.range && yaml.text.slice(node.range[0], node.range[1]) !== "" ? node : null;
  let where: Pick<Finding, "line" | "column" | "length">;
  let shown: string;
  let context: string | undefined;
  if (place) {
    const source = yaml.text.slice(place.range![0], place.range![1]);
    where = { ...yaml.point(place.range![0]), length: Math.max(1, firstLine(source).length) };
    shown = describeSource(place, source);
    context = clip(firstLine(source));
  } else {
    where = keyPlace(parts);
    shown = "nothing";
  }
  const expected = expectation(error);
  const subject = parts.length === 0 ? `${shown} as the front matter` : `${shown} for \`${key}\``;
  return { key, ...where, message: `Unexpected ${subject}, expected ${expected}`, ...(context !== undefined ? { context } : {}) };
}

function describeSource(node: Node, source: string): string {
  if (!source.includes("\n") && source.length <= 60) return code(source);
  if (isMap(node)) return "mapping";
  if (isSeq(node)) return "list";
  return code(clip(firstLine(source)));
}

function withKeys(required: string[]): string {
  return required.length > 0 ? ` with ${codes(required, "and", 10)}` : "";
}

/* ---------------------------------------------------------------- consistency */

function consistencyFindings(model: WrapupModel, yaml: YamlFrontMatter, profile: Profile, schemaFindings: Keyed[]): Keyed[] {
  const matches = profile.frontMatter.titleMatches;
  const { document } = yaml;
  if (!isMap(document.contents)) return [];
  const title = locate(document, ["title"]).node;
  if (!isScalar(title) || typeof title.value !== "string" || !title.range) return [];
  // A title the schema rejects is reported as such; nothing is compared with it.
  if (schemaFindings.some((f) => f.key === "title")) return [];
  const months = monthsIn(title.value);
  if (months.length !== 1) return [];
  const month = months[0]!;
  const titleSource = yaml.text.slice(title.range[0], title.range[1]);
  const titleAt = yaml.point(title.range[0]);
  // What the page says elsewhere, where it disagrees with the title: one finding names them all.
  const others: { months: MonthYear[]; where: string }[] = [];
  const disagree = (expected: MonthYear[], where: string): void => {
    if (expected.length > 0 && !expected.some((m) => same(m, month))) others.push({ months: expected, where });
  };
  if (matches.has("h1") && model.h1) {
    const inH1 = monthsIn(model.h1.plain);
    if (inH1.length === 1) disagree(inH1, `the H1 \`${model.h1.plain}\``);
  }
  if (matches.has("date") && model.eventDetails) {
    const label = (profile.eventDetails.date?.label ?? "Date").toLowerCase();
    const date = model.eventDetails.items.find((i) => i.label.toLowerCase() === label);
    if (date) disagree(monthsIn(date.value), `the event date \`${date.value}\``);
  }
  if (matches.has("fileName")) {
    const dated = monthOfPath(model.path);
    if (dated) disagree([dated.month], `the file name \`${dated.name}\``);
  }
  const findings: Keyed[] = [];
  if (others.length > 0) {
    const groups = new Map<string, string[]>();
    for (const o of others) {
      const expected = codes(o.months.map(show), "or");
      groups.set(expected, [...(groups.get(expected) ?? []), o.where]);
    }
    const expected = [...groups].map(([months, where]) => `${months} as in ${join(where, "and")}`);
    findings.push({
      key: "title",
      ...titleAt,
      length: firstLine(titleSource).length,
      message: `Unexpected title \`${title.value as string}\`, expected ${expected.join(", and ")}`,
      context: firstLine(titleSource),
    });
  }
  if (profile.frontMatter.weight) {
    // Where the title disagrees with the page, a weight that agrees with the page is not the
    // problem, and no fix is certain.
    const agreed = others.length === 0 ? null : others.every((o) => o.months.length === 1 && same(o.months[0]!, others[0]!.months[0]!)) ? others[0]!.months[0]! : null;
    const weight = weightFinding(model, yaml, month, others.length === 0, agreed, profile.frontMatter.weight === "-YYYYMM" ? -1 : 1);
    if (weight) findings.push(weight);
  }
  return findings;
}

function weightFinding(model: WrapupModel, yaml: YamlFrontMatter, month: MonthYear, certain: boolean, page: MonthYear | null, sign: 1 | -1): Keyed | null {
  const found = locate(yaml.document, ["weight"]);
  if (!found.pair) return null;
  const expected = sign * (month.year * 100 + month.month);
  const node = found.pair.value as Node | null;
  if (node && !isScalar(node)) return null;
  if (isScalar(node) && node.value === expected) return null;
  if (page && isScalar(node) && node.value === sign * (page.year * 100 + page.month)) return null;
  const source = node?.range ? yaml.text.slice(node.range[0], node.range[1]) : "";
  const why = `for the title \`${show(month)}\``;
  if (source === "" || source.includes("\n")) {
    // `weight:` with no value: point at the key, add the value after the colon.
    const key = found.key;
    if (!key?.range) return null;
    const at = yaml.point(key.range[0]);
    const text = model.lines[at.line - 1] ?? "";
    const fix: Fix | undefined =
      certain && source === "" && /^\s*weight\s*:\s*$/.test(text)
        ? { line: at.line, column: text.trimEnd().length + 1, deleteCount: text.length - text.trimEnd().length, insertText: ` ${expected}` }
        : undefined;
    return { key: "weight", ...at, length: 6, message: `Unexpected empty \`weight\`, expected \`${expected}\` ${why}`, context: "weight", ...(fix ? { fix } : {}) };
  }
  const at = yaml.point(node!.range![0]);
  return {
    key: "weight",
    ...at,
    length: source.length,
    message: `Unexpected weight \`${source}\`, expected \`${expected}\` ${why}`,
    context: source,
    ...(certain ? { fix: { line: at.line, column: at.column, deleteCount: source.length, insertText: String(expected) } } : {}),
  };
}

function snippet(model: WrapupModel, line: number, column: number): string {
  return clip((model.lines[line - 1] ?? "").slice(column - 1).trim()) || clip((model.lines[line - 1] ?? "").trim());
}

