/**
 * WU002 wrapup-event-details: after the H1, the event details list with the profile's items
 * (Gardener: Date, Location, Organizer, and usually Topics); the date range is written in the
 * house format (`DD.MM.YYYY – DD.MM.YYYY`), parses and starts before it ends.
 */
import { eventDetailsOf } from "../src/model/structure.js";
import { isRepositoryPage, isStub } from "../src/wrapup/detect.js";
import type { EventItem } from "../src/model/types.js";
import type { EventItemSpec, Profile } from "../src/profile/types.js";
import { memo } from "../src/core/memo.js";
import { parseDateRange, type ParsedDate } from "../src/wrapup/dates.js";
import { isNearMiss, placeholderOf } from "../src/wrapup/sections.js";
import { code, codes } from "../src/core/message.js";
import { replace, type Finding, type WrapupRule } from "../src/core/rule.js";
import { fold } from "../src/profile/load.js";
import { spanInLine } from "../src/model/source.js";

const stamp = (d: ParsedDate): number => d.year * 10000 + d.month * 100 + d.day;

/** Per profile: each item label and alias the house writes, folded, to that spelling. */
const houseLabels = memo((profile: Profile): ReadonlyMap<string, string> => {
  const labels = new Map<string, string>();
  for (const item of profile.eventDetails.items)
    for (const label of [item.label, ...item.aliases]) {
      const key = fold(label);
      if (!labels.has(key)) labels.set(key, label);
    }
  return labels;
});

/** The item of the list that a spec names (its label or an alias, any case). */
function itemFor(spec: EventItemSpec, byLabel: ReadonlyMap<string, EventItem>): EventItem | undefined {
  for (const label of [spec.label, ...spec.aliases]) {
    const item = byLabel.get(fold(label));
    if (item) return item;
  }
  return undefined;
}

export const eventDetails: WrapupRule<Record<string, never>> = {
  code: "WU002",
  name: "wrapup-event-details",
  description: "Event details list follows the H1",
  doc: "wu002-event-details",
  fixable: true,
  fixes: "dash of the range",
  scope: "wrapups",
  schema: { properties: {} },
  defaults: {},
  check(model, _options, profile) {
    const h1 = model.h1;
    if (!h1) return [];
    // A stub ("moved to …", "TBD": no project section yet) is not held to the list's items, only
    // to the dates it gives; a repository's README may do without the list.
    const stub = isStub(model);
    const spec = profile.eventDetails;
    const demanded = spec.required && !isRepositoryPage(model) && !stub;
    const required = stub ? [] : spec.items.filter((i) => i.level === "required");
    const details = eventDetailsOf(model);
    if (!details) {
      if (!demanded || required.length === 0) return [];
      return [
        {
          line: h1.line,
          message: `Missing event details list after the H1, expected ${codes(required.map((i) => i.label))}`,
          context: h1.content.text,
        },
      ];
    }
    const findings: Finding[] = [];
    const byLabel = new Map<string, EventItem>();
    for (const item of details.items) {
      const key = fold(item.label);
      if (byLabel.has(key)) {
        findings.push({
          line: item.line,
          message: `Unexpected second ${code(item.label)} item, expected it once`,
          context: item.label,
        });
        continue;
      }
      byLabel.set(key, item);
      // `**date:**` where the house writes `**Date:**`: the same item, written another way.
      const house = houseLabels(profile).get(key);
      const at = (model.lines[item.line - 1] ?? "").indexOf(item.label);
      if (house !== undefined && house !== item.label && at >= 0) {
        const span = spanInLine(model.lines, item.line, at, at + item.label.length);
        findings.push({
          span,
          message: `Unexpected item label ${code(item.label)}, expected ${code(house)}`,
          fix: replace(span, house),
        });
      }
      if (item.label && item.value === "" && !stub)
        findings.push({
          line: item.line,
          message: `Unexpected empty ${code(item.label)} item, expected a value`,
          context: item.label,
        });
      const placeholder = item.label && !stub ? placeholderOf(item.value) : null;
      if (placeholder)
        findings.push({
          span: item.valueSpan,
          message: `Unexpected placeholder ${code(placeholder)} as the ${code(item.label)} item, expected a value`,
        });
    }
    // The items whose label the profile knows, to tell a slip for a missing one from the rest.
    const known = houseLabels(profile);
    for (const item of required) {
      if (itemFor(item, byLabel)) continue;
      // `Loaction`, `Organiser`: the item is there, its label a slip of the keyboard.
      const slip = details.items.find(
        (i) =>
          !known.has(fold(i.label)) && [item.label, ...item.aliases].some((l) => isNearMiss(fold(i.label), fold(l))),
      );
      findings.push(
        slip
          ? {
              line: slip.line,
              message: `Unexpected item ${code(slip.label)}, did you mean ${code(item.label)}?`,
              context: slip.label,
            }
          : {
              line: details.line,
              message: `Missing ${code(item.label)} item in the event details list`,
              context: item.label,
            },
      );
    }
    const dateSpec = spec.date;
    const date = dateSpec
      ? itemFor({ label: dateSpec.label, aliases: [], level: "required", marker: "" }, byLabel)
      : undefined;
    if (dateSpec && date && date.value !== "" && !placeholderOf(date.value)) {
      const range = parseDateRange(date.value, dateSpec.format);
      const at = { span: date.valueSpan };
      if (!range && /\b(?:DD|MM|YYYY)\b/.test(date.value)) {
        // The format itself, as a template writes it: no date yet.
        findings.push({
          ...at,
          message: `Unexpected placeholder ${code(date.value)} as the ${code(date.label)} item, expected the event's dates`,
        });
      } else if (!range) {
        findings.push({
          ...at,
          message: `Unexpected date ${code(date.value)}, expected ${code(`${dateSpec.format}${dateSpec.separator}${dateSpec.format}`)} with real calendar dates`,
        });
      } else if (stamp(range.start) > stamp(range.end)) {
        findings.push({ ...at, message: `Unexpected date range ${code(date.value)} that ends before it starts` });
      } else if (range.separator !== "" && range.separator !== dateSpec.separator) {
        const expected = `${range.from}${dateSpec.separator}${range.to}`;
        const what = dateSpec.separator.trim() === "–" ? " (an en dash between spaces)" : "";
        findings.push({
          ...at,
          message: `Unexpected date range ${code(date.value)}, expected ${code(expected)}${what}`,
          fix: replace(date.valueSpan, expected),
        });
      }
    }
    return findings;
  },
};

export default eventDetails;
