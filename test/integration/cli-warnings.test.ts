/**
 * Warnings do not fail a run: a link GitHub did not answer is reported as unverified, a
 * warning, and the CLI exits 0 when nothing else is found; `--format github` prints
 * `::warning`. GitHub here is a port on 127.0.0.1 where nothing listens (connection refused).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "wrapup-lint.js");

/** A port on 127.0.0.1 that was free a moment ago: nothing listens there. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test("an unverified link is a warning: exit 0, ::warning", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wrapup-lint-warn-"));
  fs.writeFileSync(
    path.join(dir, "notes.md"),
    "# Notes\n\nSee [gardener/gardener#1](https://github.com/gardener/gardener/pull/1).\n",
  );
  const port = await closedPort();
  const env = {
    ...process.env,
    WRAPUP_LINT_OFFLINE: "0",
    GITHUB_API_URL: `http://127.0.0.1:${port}`,
    WRAPUP_LINT_CACHE_DIR: path.join(dir, ".cache"),
    WRAPUP_LINT_GITHUB_TIMEOUT: "5",
  };
  const plain = spawnSync(process.execPath, [bin, "notes.md"], { cwd: dir, env, encoding: "utf8" });
  expect(plain.stdout + plain.stderr).toMatch(/WU007\/wrapup-github-link-resolves/);
  expect(plain.status, plain.stdout + plain.stderr).toBe(0);
  const github = spawnSync(process.execPath, [bin, "--format", "github", "notes.md"], {
    cwd: dir,
    env,
    encoding: "utf8",
  });
  expect(github.stdout).toMatch(/^::warning file=notes\.md,line=3,.*title=WU007::/m);
  expect(github.stdout).not.toMatch(/^::error/m);
  expect(github.status).toBe(0);
});
