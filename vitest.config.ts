import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // --expose-gc: the linear-cost test collects garbage before each timed run, so that one
    // size does not pay for the other's garbage.
    poolOptions: { forks: { execArgv: ["--expose-gc"] } },
  },
});
