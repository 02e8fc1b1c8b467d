/**
 * The GitHub the rule docs' examples run against (rules/wu007-github-link-resolves.md,
 * rules/wu009-next-steps.md, with the states its examples need): a fake
 * server on 127.0.0.1 started on import, with the environment pointing WU007 at it and its cache
 * in a fresh temporary directory. Imported by test/rules/rule-docs.test.ts; no test reaches the
 * internet.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { resetGitHubResolver } from "../../src/github/resolver.js";
import { startFakeGitHub, type World } from "./server.js";

export const DOCS_WORLD: World = {
  owners: [{ login: "gardener" }, { login: "stackitcloud" }, { login: "timebertt", type: "User" }],
  repos: [
    {
      owner: "gardener",
      name: "gardener",
      pulls: [13542, 13551],
      issues: [13579],
      branches: { master: ["docs/proposals/README.md", "example/operator/20-garden.yaml"] },
      commits: { "6903635885b2a58d4c876612cd91be134f2aa307": ["README.md"] },
      releases: ["v1.123.0"],
      tags: { "v1.123.0": ["README.md"] },
    },
    { owner: "gardener", name: "hackathon", issues: [45], discussions: [38, 41] },
    { owner: "timebertt", name: "gardener", branches: { gind: ["README.md"] } },
    {
      owner: "stackitcloud",
      name: "gardener-extension-acl",
      branches: { "feature/SupportForMultipleIstioNamespaces": ["README.md"], main: ["README.md"] },
      // WU009's examples: what became of the ACL extension's pull requests.
      pulls: [28, 31, 35, 36],
      issues: [30],
      states: {
        28: { state: "merged" },
        31: { state: "merged" },
        35: { state: "closed" },
        36: { state: "draft" },
        30: { state: "open" },
      },
    },
    {
      owner: "gardener",
      name: "gardener-extension-provider-openstack",
      pulls: [690, 691],
      issues: [1217, 1218],
      states: {
        690: { state: "merged" },
        691: { state: "open" },
        1217: { state: "closed", reason: "COMPLETED" },
        1218: { state: "closed", reason: "NOT_PLANNED" },
      },
    },
    {
      owner: "gardener",
      name: "gardener-extension-shoot-flux",
      formerNames: ["stackitcloud/gardener-extension-shoot-flux"],
      pulls: [7],
    },
    { owner: "gardener", name: "logging-old", archived: true, pulls: [398] },
  ],
  apps: ["octo-sts"],
};

const server = await startFakeGitHub(DOCS_WORLD);
process.env["GITHUB_API_URL"] = server.apiUrl;
delete process.env["GITHUB_GRAPHQL_URL"];
delete process.env["GITHUB_TOKEN"];
delete process.env["GH_TOKEN"];
delete process.env["WRAPUP_LINT_OFFLINE"];
process.env["WRAPUP_LINT_CACHE_DIR"] = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-lint-docs-"));
resetGitHubResolver();

afterAll(async () => {
  await server.close();
  fs.rmSync(process.env["WRAPUP_LINT_CACHE_DIR"]!, { recursive: true, force: true });
});
