import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // --expose-gc: the linear-cost test collects garbage before each timed run, so that one
    // size does not pay for the other's garbage.
    poolOptions: { forks: { execArgv: ["--expose-gc"] } },
    // No test judges how fast the machine is (speed belongs to `npm run bench`): the time
    // limits only catch a hang, and are far above any run on a busy machine.
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
    // `npm run coverage` (not part of `npm test`: instrumented, the long corpus loops kept vitest's
    // workers from answering their parent on a loaded CI machine): what the tests reach in src/ and rules/ in their own
    // process (the CLI, Action and language-server tests run dist/ in child processes, which is
    // not counted). The floor sits just below what the in-process rule, model, options and
    // format tests alone reach (71.8 % of lines, 83.9 % of branches, 96.9 % of functions on
    // 2026-12-02); the whole suite reaches more, never less.
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts", "rules/**/*.ts"],
      exclude: ["src/types/**"],
      reporter: ["text-summary", "html"],
      thresholds: { lines: 70, statements: 70, branches: 82, functions: 95 },
    },
  },
});
