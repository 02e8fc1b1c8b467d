/**
 * WU001 wrapup-front-matter: a wrap-up starts with YAML front matter that parses, matches a
 * JSON Schema (the Gardener pages' keys by default), and agrees with itself and the page: the
 * `weight` is minus YYYYMM of the `title`, and the title's month and year are those of the H1,
 * the event date and a dated file name.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import type { Node } from "yaml";
import { isRepositoryPage } from "../src/wrapup/detect.js";
import {
  describeNode,
  firstLineOf,
  isScalar,
  isMap,
  keySpan,
  locate,
  textFrom,
  yamlFrontMatter,
  type YamlFrontMatter,
  type YamlSyntaxError,
} from "../src/wrapup/front-matter.js";
import type { WrapupModel } from "../src/model/types.js";
import { spanInLine } from "../src/model/source.js";
import { clip, code, codes, firstLine, join } from "../src/core/message.js";
import {
  extraKey,
  instanceKey,
  missingKeyMessage,
  pathOf,
  relevant,
  schemaOf,
  valueMessage,
} from "../src/profile/schema.js";
import type { Profile } from "../src/profile/types.js";
import { replace, type Finding, type Fix, type WrapupRule } from "../src/core/rule.js";
import { monthsIn, monthsOfPage, same, show, yyyymm, type MonthYear } from "../src/wrapup/dates.js";

export const frontMatter: WrapupRule<Record<string, never>> = {
  code: "WU001",
  name: "wrapup-front-matter",
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
      const keys = required.length > 0 ? ` with ${codes(required, "and", 10)}` : "";
      return [
        {
          line: 1,
          message: `Unexpected wrap-up without front matter, expected a YAML block between \`---\` lines${keys} at the top`,
        },
      ];
    }
    if (fm.kind !== "yaml") {
      const [label, opener] = fm.kind === "toml" ? ["TOML", "+++"] : ["JSON", "{"];
      const span = spanInLine(model.lines, fm.startLine, 0, opener.length);
      return [
        {
          span,
          context: model.lines[fm.startLine - 1] ?? opener,
          message: `Unexpected ${label} front matter (${code(opener)}), expected YAML front matter between \`---\` lines`,
        },
      ];
    }
    if (fm.endLine === null) {
      const span = spanInLine(model.lines, fm.startLine, 0, 3);
      return [
        {
          span,
          context: "---",
          message: "Unexpected `---` without a closing `---`, expected the front matter to end with a `---` line",
        },
      ];
    }
    const yaml = yamlFrontMatter(model)!;
    if (yaml.errors.length > 0) return syntaxFindings(model, yaml);
    if (yaml.valueProblem) {
      const at = yaml.point(yaml.valueProblem.offset);
      const shown = textFrom(model, at);
      const span = spanInLine(model.lines, at.line, at.column - 1, at.column - 1 + shown.length);
      return [
        {
          span,
          context: shown,
          message: `Unexpected ${code(shown)}, expected plain YAML values (${yaml.valueProblem.message})`,
        },
      ];
    }
    const schema = schemaOf(profile);
    const schemaFindings = schema ? validateValue(model, yaml, schema.validate) : [];
    const consistency = consistencyFindings(model, yaml, profile, schemaFindings);
    // A weight that disagrees with the title is reported once, with the value it should have.
    const covered = new Set(consistency.map((c) => c.key));
    return [...schemaFindings.filter((f) => !covered.has(f.key)), ...consistency].map(
      ({ key: _key, ...finding }) => finding as Finding,
    );
  },
};

export default frontMatter;

/* ---------------------------------------------------------------- syntax */

const QUOTE: Record<string, string> = { QUOTE_DOUBLE: '"', QUOTE_SINGLE: "'" };

/** One finding per line: the library often reports one slip several times. */
function syntaxFindings(model: WrapupModel, yaml: YamlFrontMatter): Finding[] {
  const findings: Finding[] = [];
  const lines = new Set<number>();
  for (const error of yaml.errors) {
    if (lines.has(error.line)) continue;
    lines.add(error.line);
    findings.push(syntaxFinding(model, error));
  }
  return findings;
}

function syntaxFinding(model: WrapupModel, error: YamlSyntaxError): Finding {
  const { line, column } = error;
  const text = model.lines[line - 1] ?? "";
  const rest = text.slice(column - 1);
  /** `length` code units from the error's place, showing `context` (null: none). */
  const at = (length: number, context: string | null) => ({
    span: spanInLine(model.lines, line, column - 1, column - 1 + length),
    context,
  });
  if (error.scalar || error.unclosed) {
    const shown = clip(rest.trimEnd());
    const quote = QUOTE[error.scalar?.type ?? ""] ?? '"';
    const message = error.scalar
      ? `Unexpected ${code(shown)} without a closing ${code(quote)}, expected ${code(shown + quote)}`
      : `Unexpected ${code(shown)} without a closing ${code(error.unclosed!)}, expected ${code(error.unclosed!)} to end the ${error.unclosed === "]" ? "list" : "mapping"}`;
    return { ...at(shown.length, shown), message };
  }
  const statement = clip(text.trim());
  switch (error.code) {
    case "DUPLICATE_KEY":
      return {
        ...at(error.key!.length, error.key!),
        message: `Unexpected second ${code(error.key!)} key, expected each key once (the first ${code(error.key!)} is on line ${error.first!.line})`,
      };
    case "TAB_AS_INDENT":
      return {
        ...at(1, text.slice(0, text.length - text.trimStart().length)),
        message: `Unexpected tab in the indentation of ${code(statement)}, expected spaces`,
      };
    case "BAD_INDENT": {
      const indent = text.length - text.trimStart().length;
      return {
        ...at(Math.max(1, indent), text),
        message: `Unexpected indentation of ${code(statement)} (${indent} ${indent === 1 ? "space" : "spaces"}), expected it to line up with the other keys of its mapping`,
      };
    }
    default: {
      const shown = clip(rest.trim()) || statement;
      const length = rest.trimEnd().length > 0 ? Math.min(rest.trimEnd().length, 30) : 1;
      return {
        ...at(length, shown || null),
        message: shown
          ? `Unexpected ${code(shown)}, expected valid YAML (${error.message})`
          : `Unexpected end of the front matter, expected valid YAML (${error.message})`,
      };
    }
  }
}

/* ---------------------------------------------------------------- schema */

/** A finding with the key it is about, so that a consistency finding can stand for a schema finding. */
type Keyed = Finding & { key: string };

function validateValue(model: WrapupModel, yaml: YamlFrontMatter, validate: ValidateFunction): Keyed[] {
  const empty = yaml.value === null || yaml.value === undefined;
  const start = model.frontMatter!.startLine;
  let valid: boolean;
  try {
    valid = validate(empty ? {} : yaml.value) as boolean;
  } catch (error) {
    return [
      {
        key: "",
        line: start,
        message: `Unexpected front matter the schema cannot check, expected simpler values (${(error as Error).message})`,
      },
    ];
  }
  if (valid) return [];
  const errors = relevant(validate.errors ?? []);
  if (empty) {
    const missing = errors
      .filter((e) => e.keyword === "required" && e.instancePath === "")
      .map((e) => String(e.params["missingProperty"]));
    const expected = missing.length > 0 ? codes(missing, "and", 10) : "keys the schema accepts";
    return [
      {
        key: "",
        span: spanInLine(model.lines, start, 0, 3),
        context: null,
        message: `Unexpected empty front matter, expected ${expected}`,
      },
    ];
  }
  return errors.map((e) => schemaFinding(model, yaml, e));
}

function schemaFinding(model: WrapupModel, yaml: YamlFrontMatter, error: ErrorObject): Keyed {
  const parts = pathOf(error.instancePath);
  if (error.keyword === "required") {
    const missing = String(error.params["missingProperty"]);
    return {
      key: instanceKey([...parts, missing]),
      span: keySpan(model, yaml, parts),
      context: null,
      message: missingKeyMessage(parts, missing),
    };
  }
  if (error.keyword === "additionalProperties" || error.keyword === "unevaluatedProperties") {
    const { extra, key, message } = extraKey(error, parts);
    return { key, span: keySpan(model, yaml, [...parts, extra]), context: extra, message };
  }
  // Everything else is about a value: point at it and quote it.
  const key = instanceKey(parts);
  const node = locate(yaml.document, parts).node;
  const source = node?.range ? yaml.text.slice(node.range[0], node.range[1]) : "";
  if (source === "")
    return { key, span: keySpan(model, yaml, parts), context: null, message: valueMessage(error, parts, "nothing") };
  const span = firstLineOf(yaml.span(node!.range![0], node!.range![1]));
  return {
    key,
    span,
    context: clip(firstLine(source)),
    message: valueMessage(error, parts, describeNode(node!, source)),
  };
}

/* ---------------------------------------------------------------- consistency */

/** The title's month against the rest of the page, and the `weight` against the title. */
function consistencyFindings(
  model: WrapupModel,
  yaml: YamlFrontMatter,
  profile: Profile,
  schemaFindings: Keyed[],
): Keyed[] {
  const { document } = yaml;
  if (!isMap(document.contents)) return [];
  const title = locate(document, ["title"]).node;
  if (!isScalar(title) || typeof title.value !== "string" || !title.range) return [];
  // A title the schema rejects is reported as such; nothing is compared with it.
  if (schemaFindings.some((f) => f.key === "title")) return [];
  const months = monthsIn(title.value);
  if (months.length !== 1) return [];
  const month = months[0]!;
  // What the page says elsewhere, where it disagrees with the title: one finding names them all.
  const others = monthsOfPage(model, profile).filter(
    (o) => o.months.length > 0 && !o.months.some((m) => same(m, month)),
  );
  const findings: Keyed[] = [];
  if (others.length > 0) {
    const groups = new Map<string, string[]>();
    for (const o of others) {
      const expected = codes(o.months.map(show), "or");
      groups.set(expected, [...(groups.get(expected) ?? []), o.where]);
    }
    const expected = [...groups].map(([months, where]) => `${months} as in ${join(where, "and")}`);
    const span = firstLineOf(yaml.span(title.range[0], title.range[1]));
    findings.push({
      key: "title",
      span,
      message: `Unexpected title ${code(title.value)}, expected ${expected.join(", and ")}`,
    });
  }
  if (profile.frontMatter.weight) {
    // Where the title disagrees with the page, a weight that agrees with the page is not the
    // problem, and no fix is certain.
    const agreed =
      others.length === 0
        ? null
        : others.every((o) => o.months.length === 1 && same(o.months[0]!, others[0]!.months[0]!))
          ? others[0]!.months[0]!
          : null;
    const weight = weightFinding(
      model,
      yaml,
      month,
      others.length === 0,
      agreed,
      profile.frontMatter.weight === "-YYYYMM" ? -1 : 1,
    );
    if (weight) findings.push(weight);
  }
  return findings;
}

function weightFinding(
  model: WrapupModel,
  yaml: YamlFrontMatter,
  month: MonthYear,
  certain: boolean,
  page: MonthYear | null,
  sign: 1 | -1,
): Keyed | null {
  const found = locate(yaml.document, ["weight"]);
  if (!found.pair) return null;
  const expected = yyyymm(month, sign);
  const node = found.pair.value as Node | null;
  if (node && !isScalar(node)) return null;
  if (isScalar(node) && node.value === expected) return null;
  if (page && isScalar(node) && node.value === yyyymm(page, sign)) return null;
  const source = node?.range ? yaml.text.slice(node.range[0], node.range[1]) : "";
  const why = `for the title ${code(show(month))}`;
  if (source === "" || source.includes("\n")) {
    // `weight:` with no value: point at the key, add the value after the colon.
    const key = found.key;
    if (!key?.range) return null;
    const at = yaml.point(key.range[0]);
    const text = model.lines[at.line - 1] ?? "";
    const fix: Fix | undefined =
      certain && source === "" && /^\s*weight\s*:\s*$/.test(text)
        ? {
            line: at.line,
            column: text.trimEnd().length + 1,
            deleteCount: text.length - text.trimEnd().length,
            insertText: ` ${expected}`,
          }
        : undefined;
    const span = spanInLine(model.lines, at.line, at.column - 1, at.column + 5);
    return {
      key: "weight",
      span,
      context: "weight",
      message: `Unexpected empty \`weight\`, expected ${code(String(expected))} ${why}`,
      ...(fix ? { fix } : {}),
    };
  }
  const span = yaml.span(node!.range![0], node!.range![1]);
  return {
    key: "weight",
    span,
    message: `Unexpected weight ${code(source)}, expected ${code(String(expected))} ${why}`,
    ...(certain ? { fix: replace(span, String(expected)) } : {}),
  };
}
