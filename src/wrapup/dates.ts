/**
 * Dates as wrap-ups write them: the event's date range in the house format, and the month and
 * year a title, an H1, a date or a file name names.
 */
import { eventDetailsOf } from "../model/structure.js";
import type { DateFormat, Profile } from "../profile/types.js";
import type { WrapupModel } from "../model/types.js";
import { code } from "../core/message.js";

export interface ParsedDate {
  day: number;
  month: number;
  year: number;
}

const FORMATS: Record<DateFormat, { pattern: RegExp; order: [number, number, number] }> = {
  // Capture groups in the written order; `order` names them: day, month, year.
  "DD.MM.YYYY": { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: [1, 2, 3] },
  "YYYY-MM-DD": { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: [3, 2, 1] },
  "DD/MM/YYYY": { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [1, 2, 3] },
  "MM/DD/YYYY": { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [2, 1, 3] },
};

/** A date written in `format` → a valid calendar date, or null. */
export function parseDate(text: string, format: DateFormat = "DD.MM.YYYY"): ParsedDate | null {
  const { pattern, order } = FORMATS[format];
  const m = pattern.exec(text);
  if (!m) return null;
  const day = Number(m[order[0]]);
  const month = Number(m[order[1]]);
  const year = Number(m[order[2]]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { day, month, year };
}

/** Two dates and what stands between them; the dates themselves hold no space. */
const RANGE = /^(\S+)(\s*(?:[–—]|--?|to|bis)\s*)(\S+)$/u;

/** The event's date range from its Date value: `06.11.2023 – 10.11.2023` or a single date. */
export function parseDateRange(
  value: string,
  format: DateFormat = "DD.MM.YYYY",
): { start: ParsedDate; end: ParsedDate; separator: string; from: string; to: string } | null {
  const text = value.trim();
  const single = parseDate(text, format);
  if (single) return { start: single, end: single, separator: "", from: text, to: text };
  const m = RANGE.exec(text);
  if (!m) return null;
  const start = parseDate(m[1]!, format);
  const end = parseDate(m[3]!, format);
  return start && end ? { start, end, separator: m[2]!, from: m[1]!, to: m[3]! } : null;
}

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const MONTH_WORD =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

/** `November 2023`, `Nov. 6–10, 2023`. */
const MONTH_YEAR = new RegExp(`\\b${MONTH_WORD}(?:\\s+\\d{1,2}(?:\\s*[-–—]\\s*\\d{1,2})?,)?\\s+(\\d{4})\\b`, "giu");

export interface MonthYear {
  year: number;
  month: number;
}

export const show = (m: MonthYear): string => `${MONTHS[m.month - 1]} ${m.year}`;
export const same = (a: MonthYear, b: MonthYear): boolean => a.year === b.year && a.month === b.month;

function monthOf(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.toLowerCase().startsWith(w)) + 1;
}

function unique(found: MonthYear[]): MonthYear[] {
  return found.filter((m, i) => found.findIndex((n) => same(m, n)) === i);
}

const SLASHED = /(?<![\d./])(\d{1,2})\/(\d{4})(?![\d/])/gu;
const DASHED = /(?<![\d./-])(\d{4})-(\d{2})(?![\d])/gu;
const DOTTED = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])/gu;

/** Each match of a global pattern in `text`, from its start. */
function eachMatch(pattern: RegExp, text: string, found: (m: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) found(m);
}

/** Months and years written in a text: `November 2023`, `Nov 6–10, 2023`, `11/2023`, `2023-11`. */
export function monthsIn(text: string): MonthYear[] {
  const found: MonthYear[] = [];
  // Every form has a four-digit year.
  if (!/\d{4}/.test(text)) return found;
  const push = (year: string, month: number): void => {
    const y = Number(year);
    if (month >= 1 && month <= 12 && y >= 1900 && y <= 2999) found.push({ year: y, month });
  };
  eachMatch(MONTH_YEAR, text, (m) => push(m[2]!, monthOf(m[1]!)));
  eachMatch(SLASHED, text, (m) => push(m[2]!, Number(m[1])));
  eachMatch(DASHED, text, (m) => push(m[1]!, Number(m[2])));
  eachMatch(DOTTED, text, (m) => push(m[3]!, Number(m[2])));
  return unique(found);
}

/** The month and year a file name carries: `2023-11.md`, `2023-11-leverkusen.md`, `2023-11/index.md`. */
export function monthOfPath(file: string | null | undefined): { month: MonthYear; name: string } | null {
  if (!file) return null;
  const parts = file.split(/[\\/]/).filter((p) => p !== "");
  let name = parts[parts.length - 1] ?? "";
  if (/^(_?index|readme)\.(md|markdown)$/i.test(name) && parts.length > 1) name = `${parts[parts.length - 2]}/${name}`;
  const m = /^(\d{4})-(0[1-9]|1[0-2])(?!\d)/.exec(name);
  return m ? { month: { year: Number(m[1]), month: Number(m[2]) }, name } : null;
}

/** `-202311` for November 2023 (`sign` -1, the Gardener pages' `weight`). */
export const yyyymm = (m: MonthYear, sign: 1 | -1 = 1): number => sign * (m.year * 100 + m.month);

/**
 * The months the page names besides its title, where the profile's `titleMatches` asks: the H1
 * (when it names one month), the event date and a dated file name; each with where it stands,
 * for a message (`the H1 \`Hack Week November 2023\``).
 */
export function monthsOfPage(model: WrapupModel, profile: Profile): { months: MonthYear[]; where: string }[] {
  const matches = profile.frontMatter.titleMatches;
  const found: { months: MonthYear[]; where: string }[] = [];
  if (matches.has("h1") && model.h1) {
    const inH1 = monthsIn(model.h1.plain);
    if (inH1.length === 1) found.push({ months: inH1, where: `the H1 ${code(model.h1.plain)}` });
  }
  const details = matches.has("date") ? eventDetailsOf(model) : null;
  if (details) {
    const label = (profile.eventDetails.date?.label ?? "Date").toLowerCase();
    const date = details.items.find((i) => i.label.toLowerCase() === label);
    if (date) found.push({ months: monthsIn(date.value), where: `the event date ${code(date.value)}` });
  }
  if (matches.has("fileName")) {
    const dated = monthOfPath(model.path);
    if (dated) found.push({ months: [dated.month], where: `the file name ${code(dated.name)}` });
  }
  return found;
}
