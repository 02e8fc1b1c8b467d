/** A document's GitHub links, parsed: what WU006 checks the form of and WU007 asks GitHub about. */
import { memo } from "../core/memo.js";
import type { Link, WrapupModel } from "../model/types.js";
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
