/**
 * The bundled default profile is what `wrapup-lint init` learns from the 12 published Gardener
 * wrap-ups (test/wrapups/gardener/), nothing added by hand: `npm run profile` writes it to
 * profiles/gardener.json, and a test checks that the file is what init learns now.
 */
import fs from "node:fs";
import path from "node:path";
import { learn } from "./learn.js";
import type { ProfileFile } from "./types.js";

export function gardenerProfile(dir: string): ProfileFile {
  const inputs = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => ({ path: f, text: fs.readFileSync(path.join(dir, f), "utf8") }));
  return { ...learn(inputs).profile, name: "gardener" };
}
