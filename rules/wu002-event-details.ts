/**
 * WU002 wrapup-event-details: after the H1, the event details list (Date, Location, Organizer,
 * Topics); the date range `DD.MM.YYYY – DD.MM.YYYY` parses and starts before it ends.
 */
import { DETECT_DEFAULTS, DETECT_SCHEMA, isWrapup, validateDetect, type DetectOptions } from "../src/detect.js";
import type { EventItem } from "../src/model/types.js";
import type { Finding, WrapupRule } from "../src/rule.js";

export interface EventDetailsOptions extends DetectOptions {
  /** Labels the list must carry (matched case-insensitively). */
  required: string[];
  /** The label whose value is the date range. */
  dateLabel: string;
}

const DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const RANGE = /^(\S+)\s*([–—-]{1,2})\s*(\S+)$/u;

export interface ParsedDate {
  day: number;
  month: number;
  year: number;
}

/** `06.11.2023` → a valid calendar date, or null. */
export function parseDate(text: string): ParsedDate | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { day, month, year };
}

/** The event's date range from its Date value: `06.11.2023 – 10.11.2023` or a single date. */
export function parseDateRange(value: string): { start: ParsedDate; end: ParsedDate; dash: string } | null {
  const single = parseDate(value.trim());
  if (single) return { start: single, end: single, dash: "" };
  const m = RANGE.exec(value.trim());
  if (!m) return null;
  const start = parseDate(m[1]!);
  const end = parseDate(m[3]!);
  return start && end ? { start, end, dash: m[2]! } : null;
}

const stamp = (d: ParsedDate): number => d.year * 10000 + d.month * 100 + d.day;

export const eventDetails: WrapupRule<EventDetailsOptions> = {
  code: "WU002",
  name: "wrapup-event-details",
  description: "Event details list follows the H1",
  doc: "wu002-event-details",
  fixable: true,
  schema: {
    properties: {
      ...DETECT_SCHEMA,
      required: { type: "array", items: { type: "string", minLength: 1 } },
      dateLabel: { type: "string", minLength: 1 },
    },
  },
  defaults: { ...DETECT_DEFAULTS, required: ["Date", "Location", "Organizer", "Topics"], dateLabel: "Date" },
  validate: validateDetect,
  check(model, options) {
    if (!isWrapup(model, options) || !model.h1) return [];
    const findings: Finding[] = [];
    const details = model.eventDetails;
    if (!details) {
      findings.push({
        line: model.h1.line,
        message: `Missing event details list after the H1, expected ${options.required.map((l) => `\`${l}\``).join(", ")}`,
        context: model.h1.content.text,
      });
      return findings;
    }
    const byLabel = new Map<string, EventItem>();
    for (const item of details.items) {
      const key = item.label.toLowerCase();
      if (byLabel.has(key)) {
        findings.push({ line: item.line, message: `Unexpected second \`${item.label}\` item, expected it once`, context: item.label });
        continue;
      }
      byLabel.set(key, item);
      if (item.label && item.value === "") {
        findings.push({ line: item.line, message: `Unexpected empty \`${item.label}\` item, expected a value`, context: item.label });
      }
    }
    for (const label of options.required) {
      if (!byLabel.has(label.toLowerCase())) {
        findings.push({ line: details.line, message: `Missing \`${label}\` item in the event details list`, context: label });
      }
    }
    const date = byLabel.get(options.dateLabel.toLowerCase());
    if (date && date.value !== "") {
      const range = parseDateRange(date.value);
      const span = date.valueSpan;
      if (!range) {
        findings.push({
          line: date.line,
          column: span.start.column,
          length: span.text.length,
          message: `Unexpected date \`${date.value}\`, expected \`DD.MM.YYYY – DD.MM.YYYY\` with real calendar dates`,
          context: date.value,
        });
      } else if (stamp(range.start) > stamp(range.end)) {
        findings.push({
          line: date.line,
          column: span.start.column,
          length: span.text.length,
          message: `Unexpected date range \`${date.value}\` that ends before it starts`,
          context: date.value,
        });
      } else if (range.dash !== "" && !/^\S+ – \S+$/u.test(date.value)) {
        const [from, , to] = RANGE.exec(date.value)!.slice(1);
        const expected = `${from} – ${to}`;
        findings.push({
          line: date.line,
          column: span.start.column,
          length: span.text.length,
          message: `Unexpected date range \`${date.value}\`, expected \`${expected}\` (an en dash between spaces)`,
          context: date.value,
          fix: { line: date.line, column: span.start.column, deleteCount: span.text.length, insertText: expected },
        });
      }
    }
    return findings;
  },
};

export default eventDetails;
