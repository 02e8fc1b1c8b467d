// Writes profiles/gardener.json: what `wrapup-lint init` learns from the 12 published Gardener
// wrap-ups (test/wrapups/gardener/). The bundled default is that and nothing else;
// test/integration/init-new.test.ts fails when the file differs from what init learns now.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gardenerProfile } from "../dist/src/profile/gardener.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
fs.writeFileSync(
  path.join(root, "profiles", "gardener.json"),
  JSON.stringify(gardenerProfile(path.join(root, "test", "wrapups", "gardener")), null, 2) + "\n",
);
