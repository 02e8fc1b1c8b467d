/** A document's GitHub links, parsed: what WU006 checks the form of and WU007 asks GitHub about. */
import { memo } from "../core/memo.js";
import type { Link, Span, WrapupModel } from "../model/types.js";
import { sliceSpan } from "../model/source.js";
import { parseGitHubUrl, type ParsedGitHubUrl } from "./url.js";

export interface GitHubLink {
  link: Link;
  parsed: ParsedGitHubUrl;
}

/** The document's GitHub links, parsed once per model. */
export const githubLinks = memo((model: WrapupModel): GitHubLink[] => {
  const links: GitHubLink[] = [];
  for (const link of model.links) {
    const parsed = parseGitHubUrl(link.url.trim());
    if (parsed) links.push({ link, parsed });
  }
  return links;
});

/**
 * The part of a link's URL (trimmed, as parsed) from `offset` to `offset + length`, to point at
 * and fix; null where the URL is not written on one line, or not written out (a reference).
 */
export function inUrl(link: Link, offset: number, length: number): Span | null {
  const span = link.urlSpan;
  const at = span && span.start.line === span.end.line ? span.text.indexOf(link.url.trim()) : -1;
  return at >= 0 && offset >= 0 ? sliceSpan(span!, at + offset, at + offset + length) : null;
}
