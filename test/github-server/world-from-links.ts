/**
 * A fake GitHub world in which every GitHub link of some Markdown documents exists, read off
 * the links themselves with the same parser the rules use: owners, repositories, the pull
 * requests, issues and discussions linked, branches (names with `/` included), files and
 * folders at refs, commits, releases and apps.
 */
import { createHash } from "node:crypto";
import { checkFor } from "../../src/github/checks.js";
import { parseGitHubUrl } from "../../src/github/url.js";
import type { WrapupModel } from "../../src/model/types.js";
import type { FakeRepo, World } from "./server.js";

const KNOWN_REFS = /^(?:master|main|v\d[\w.-]*|[0-9a-f]{7,40})$/;

export function fullSha(written: string): string {
  const w = written.toLowerCase();
  return /^[0-9a-f]{40}$/.test(w) ? w : (w + createHash("sha1").update(w).digest("hex")).slice(0, 40);
}

export function worldFromModels(models: WrapupModel[]): World {
  const owners = new Map<string, { login: string }>();
  const repos = new Map<string, FakeRepo>();
  const apps = new Set<string>();
  const repo = (owner: string, name: string): FakeRepo => {
    const key = `${owner}/${name}`.toLowerCase();
    let r = repos.get(key);
    if (!r) {
      r = { owner, name, pulls: [], issues: [], discussions: [], branches: {}, tags: {}, commits: {}, releases: [] };
      repos.set(key, r);
    }
    owners.set(owner.toLowerCase(), { login: owner });
    return r;
  };
  const addFiles = (files: string[], path: string): void => {
    if (path && !files.includes(path)) files.push(path);
  };
  for (const model of models) {
    for (const link of model.links) {
      const parsed = parseGitHubUrl(link.url.trim());
      const t = parsed?.target;
      if (!t) continue;
      const check = checkFor(t);
      if (!check) continue;
      if (check.type === "app") {
        apps.add(check.slug);
        continue;
      }
      if (check.type === "owner") {
        owners.set(check.owner.toLowerCase(), { login: check.owner });
        continue;
      }
      const r = repo(t.owner, t.repo!);
      if (t.kind === "pull") r.pulls!.push(t.number!);
      else if (t.kind === "issue") r.issues!.push(t.number!);
      else if (t.kind === "discussion") r.discussions!.push(t.number!);
      else if (t.kind === "commit") r.commits![fullSha(t.rest[0]!)] = ["README.md"];
      else if (t.kind === "release") r.releases!.push(t.rest[0]!);
      else if (t.kind === "tree" || t.kind === "blob" || t.kind === "commits") {
        const segments = t.rest.filter((s) => s !== "");
        // blob: the ref is the first segment; tree and commits: a known ref name first, or
        // else the whole thing is a branch (`feature/SupportForMultipleIstioNamespaces`).
        const splitFirst = t.kind === "blob" || KNOWN_REFS.test(segments[0] ?? "");
        const ref = splitFirst ? segments[0]! : segments.join("/");
        const path = splitFirst ? segments.slice(1).join("/") : "";
        if (/^[0-9a-f]{7,40}$/.test(ref)) {
          const files = (r.commits![fullSha(ref)] ??= []);
          addFiles(files, t.kind === "tree" && path ? `${path}/README.md` : path);
        } else {
          const files = (r.branches![ref] ??= []);
          addFiles(files, t.kind === "tree" && path ? `${path}/README.md` : path);
        }
      }
    }
  }
  return { owners: [...owners.values()], repos: [...repos.values()], apps: [...apps] };
}
