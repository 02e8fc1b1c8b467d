/**
 * Which documents are wrap-ups. Structure rules (WU001–WU005) apply to wrap-ups only, so the
 * other pages of a docs repository get no structure findings.
 */
import type { WrapupModel } from "./model/types.js";

export interface DetectOptions {
  /** "h1": the H1 matches `h1Pattern`; "front-matter": the front matter has `frontMatterKey`; "always": every document. */
  detect: "h1" | "front-matter" | "always";
  h1Pattern: string;
  frontMatterKey: string;
}

export const DETECT_DEFAULTS: DetectOptions = {
  detect: "h1",
  // "Wrap Up", "Wrap-Up", "Wrapup" as words; not "wrapup-lint" or "wrapup-front-matter".
  h1Pattern: "\\bWrap[ -]?Up\\b(?![-\\w])",
  frontMatterKey: "wrapup",
};

export const DETECT_SCHEMA = {
  detect: { enum: ["h1", "front-matter", "always"] },
  h1Pattern: { type: "string", minLength: 1 },
  frontMatterKey: { type: "string", minLength: 1, pattern: "^[^:\\s]+$" },
} as const;

const patterns = new Map<string, RegExp>();

export function isWrapup(model: WrapupModel, options: DetectOptions): boolean {
  switch (options.detect) {
    case "always":
      return true;
    case "front-matter": {
      const fm = model.frontMatter;
      if (!fm || fm.kind !== "yaml") return false;
      const key = options.frontMatterKey;
      return fm.body.some((line) => line.startsWith(key + ":"));
    }
    default: {
      if (!model.h1) return false;
      let re = patterns.get(options.h1Pattern);
      if (!re) {
        re = new RegExp(options.h1Pattern, "iu");
        patterns.set(options.h1Pattern, re);
      }
      return re.test(model.h1.plain);
    }
  }
}

/** The one-line problem with detection options, or null. */
export function validateDetect(options: DetectOptions): string | null {
  try {
    new RegExp(options.h1Pattern, "iu");
    return null;
  } catch (error) {
    return `option "h1Pattern" is not a valid regular expression: ${(error as Error).message}`;
  }
}
