/**
 * The README's first command does what the README says, and prints what the README shows:
 * `npx wrapup-lint "examples/*.md"` in a clone reports one mistake of each kind on the broken
 * example (WU001–WU008; WU009 has nothing to say there) and nothing on the clean one. GitHub is the fake one on 127.0.0.1, with a
 * token, where every link of the examples exists but the one the broken example gets wrong.
 * The README's configuration samples hold no house conventions (those belong to the profile).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startFakeGitHub, type FakeGitHub, type FakeState } from "../github-server/server.js";
import { worldFromModels } from "../github-server/world-from-links.js";
import { lint, ROOT, testEnv } from "../helpers/integration.js";
import { remarkModel } from "../helpers/models.js";

const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const TOKEN = "ghp_readmeTOKEN";
const MISSING = "gardener/gardener-extension-acl-missing";

/** The fenced blocks of a Markdown text: language and body. */
function blocks(text: string): { lang: string; body: string }[] {
  return [...text.matchAll(/^```(\w*)[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, body: m[2]! }));
}

let github: FakeGitHub;

beforeAll(async () => {
  const examples = fs
    .readdirSync(path.join(ROOT, "examples"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => fs.readFileSync(path.join(ROOT, "examples", f), "utf8"));
  const world = worldFromModels(examples.map((t) => remarkModel(t)));
  world.repos = world.repos.filter((r) => `${r.owner}/${r.name}` !== MISSING);
  github = await startFakeGitHub(world, { token: TOKEN });
});

afterAll(() => github.close());

test("the first command: one finding of each rule on the broken example, none on the clean one, as the README shows", async () => {
  const all = blocks(README);
  const command = all.findIndex((b) => b.lang === "sh" && b.body.includes('npx wrapup-lint "examples/*.md"'));
  expect(command, "the README's first command").toBeGreaterThanOrEqual(0);
  const shown = all.slice(command + 1).find((b) => b.lang === "text")!;
  const r = await lint(
    ["examples/*.md"],
    ROOT,
    testEnv({ WRAPUP_LINT_OFFLINE: "0", GITHUB_API_URL: github.apiUrl, GITHUB_TOKEN: TOKEN }),
  );
  expect(r.code, r.output).toBe(1);
  expect(r.stderr).toBe("");
  const findings = r.stdout.split("\n").filter((l) => /^examples\//.test(l));
  expect(findings.map((l) => /^(\S+?):\d+(?::\d+)? error (WU\d{3})\//.exec(l)?.slice(1).join(" "))).toEqual(
    ["WU001", "WU002", "WU005", "WU008", "WU004", "WU006", "WU003", "WU007"].map(
      (code) => `examples/broken-wrapup.md ${code}`,
    ),
  );
  expect(r.stdout).toContain("Linting: 2 files");
  expect(r.stdout.trim()).toBe(shown.body.trim());
});

test("the configuration samples name no house conventions; the section for a repository's own is there", () => {
  for (const block of blocks(README).filter((b) => b.lang === "jsonc" || b.lang === "js")) {
    expect(block.body, block.body).not.toMatch(/\b(?:colon|detect|profile|fields|labels)\b\s*:/);
  }
  expect(README).toContain("\n## Adopting it in a repository with its own conventions\n");
});

test("the status command prints what the README shows (dates aside: they follow the clock)", async () => {
  const all = blocks(README);
  const command = all.findIndex(
    (b) => b.lang === "sh" && b.body.includes("npx wrapup-lint status examples/2025-07.md"),
  );
  expect(command, "the README's status command").toBeGreaterThanOrEqual(0);
  const shown = all.slice(command + 1).find((b) => b.lang === "text")!;
  const DAY = 24 * 3600 * 1000;
  const ago = (days: number): string => new Date(Date.now() - days * DAY).toISOString();
  const states: Record<number, FakeState> = {
    12597: { state: "merged", updatedAt: ago(120) },
    12673: { state: "merged", updatedAt: ago(100) },
    12674: { state: "open", updatedAt: ago(10) },
    11025: { state: "closed", reason: "COMPLETED", updatedAt: ago(90) },
    12589: { state: "merged", updatedAt: ago(95) },
    11026: { state: "open", updatedAt: ago(300) },
    12136: { state: "closed", reason: "COMPLETED", updatedAt: ago(200) },
    12137: { state: "closed", reason: "COMPLETED", updatedAt: ago(200) },
    12582: { state: "open", updatedAt: ago(20) },
    12610: { state: "closed", reason: "NOT_PLANNED", updatedAt: ago(150) },
    12596: { state: "open", updatedAt: ago(250) },
    10878: { state: "open", updatedAt: ago(5) },
  };
  const examples = fs
    .readdirSync(path.join(ROOT, "examples"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => fs.readFileSync(path.join(ROOT, "examples", f), "utf8"));
  const world = worldFromModels(examples.map((t) => remarkModel(t)));
  world.repos.find((r) => `${r.owner}/${r.name}` === "gardener/gardener")!.states = states;
  world.repos.find((r) => `${r.owner}/${r.name}` === "gardener/external-dns-management")!.states = {
    462: { state: "closed", reason: "NOT_PLANNED", updatedAt: ago(180) },
  };
  const server = await startFakeGitHub(world, { token: TOKEN });
  try {
    const r = await lint(
      ["status", "examples/2025-07.md"],
      ROOT,
      testEnv({ WRAPUP_LINT_OFFLINE: "0", GITHUB_API_URL: server.apiUrl, GITHUB_TOKEN: TOKEN }),
    );
    expect(r.code, r.output).toBe(0);
    expect(r.stderr).toBe("");
    const undated = (s: string): string => s.trim().replace(/\d{4}-\d{2}-\d{2}/g, "YYYY-MM-DD");
    expect(undated(r.stdout)).toBe(undated(shown.body));
  } finally {
    await server.close();
  }
});
