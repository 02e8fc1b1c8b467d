/**
 * The GitHub Action runs the committed build (action/): it must be what the sources build to
 * now. The build (scripts/build-action.mjs) is run into a temporary folder and compared, file
 * by file, with the committed one; a stale build fails here, and so CI fails.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { ROOT, tempDir } from "../helpers/integration.js";

function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

test("the committed action/ is what `npm run build:action` builds from the sources now", () => {
  const fresh = path.join(tempDir("wrapup-lint-action-build-"), "action");
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-action.mjs"), fresh], { cwd: ROOT, stdio: "pipe" });
  const committed = path.join(ROOT, "action");
  expect(listing(committed)).toEqual(listing(fresh));
  const stale = listing(fresh).filter(
    (f) => !fs.readFileSync(path.join(fresh, f)).equals(fs.readFileSync(path.join(committed, f))),
  );
  expect(stale, "action/ is stale: run `npm run build:action` and commit action/").toEqual([]);
  // And git has it: the runner checks out what is committed, not what is on this disk.
  const tracked = execFileSync("git", ["ls-files", "action"], { cwd: ROOT, encoding: "utf8" })
    .trim()
    .split("\n")
    .map((f) => path.relative("action", f))
    .sort();
  expect(tracked).toEqual(listing(committed));
});
