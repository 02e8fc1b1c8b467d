/**
 * `wrapup-lint [options] GLOB...`: markdownlint-cli2, preconfigured with the suite. Works with
 * no config file (only the wrap-up rules run); a `.markdownlint-cli2.*` file in the project is
 * honoured as markdownlint-cli2 honours it. Exit 0 clean, 1 findings, 2 usage or config error.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { main as markdownlintCli2 } from "markdownlint-cli2";

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, "..", "..");
const rulesModule = path.join(here, "adapters", "markdownlint.js");

const USAGE = `Usage: wrapup-lint [options] GLOB...

Lint Markdown wrap-ups with the wrapup-lint rules (through markdownlint-cli2).

Options:
  --fix             apply the fixes that are certain, in place
  --config FILE     a markdownlint-cli2 configuration file to use
  --help            show this help
  --version         show the version

Exit status: 0 no findings, 1 findings, 2 usage or configuration error.
Example: wrapup-lint "docs/**/*.md" "#node_modules"`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

export class UsageError extends Error {}

/** The configuration files markdownlint-cli2 reads in a directory. */
const CONFIG_FILES = [
  ".markdownlint-cli2.jsonc",
  ".markdownlint-cli2.yaml",
  ".markdownlint-cli2.cjs",
  ".markdownlint-cli2.mjs",
  ".markdownlint.jsonc",
  ".markdownlint.json",
  ".markdownlint.yaml",
  ".markdownlint.yml",
  ".markdownlint.cjs",
  ".markdownlint.mjs",
];

function hasConfigFile(dir: string): boolean {
  if (CONFIG_FILES.some((name) => fs.existsSync(path.join(dir, name)))) return true;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Record<string, unknown>;
    return "markdownlint-cli2" in pkg;
  } catch {
    return false;
  }
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const passThrough: string[] = [];
  const globs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    switch (arg) {
      case "--help":
      case "-h":
        io.out(USAGE);
        return 0;
      case "--version": {
        const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string };
        io.out(pkg.version);
        return 0;
      }
      case "--fix":
        passThrough.push(arg);
        break;
      case "--config": {
        const file = argv[++i];
        if (!file) throw new UsageError("--config needs a file");
        if (!fs.existsSync(path.resolve(io.cwd, file))) throw new UsageError(`--config: no such file: ${file}`);
        passThrough.push(arg, file);
        break;
      }
      default:
        if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg} (see --help)`);
        globs.push(arg);
    }
  }
  if (globs.length === 0) throw new UsageError("no files given: wrapup-lint GLOB... (see --help)");
  // A project's own markdownlint configuration governs which rules run and how; without one,
  // the suite alone runs. The suite's rules are loaded either way, unless the configuration
  // names its own custom rules (then it names wrapup-lint/markdownlint there, as the README says).
  const configured = passThrough.includes("--config") || hasConfigFile(io.cwd);
  // markdownlint-cli2 turns an exception in a rule (a bad option) into a finding on every file;
  // that is a configuration error: one line, exit 2.
  const configErrors = new Set<string>();
  const logError = (line: string): void => {
    const thrown = /This rule threw an exception: (.*?)\]?$/.exec(line);
    if (thrown) configErrors.add(thrown[1]!.replace(/\]$/, ""));
    else io.err(line);
  };
  const code = await markdownlintCli2({
    directory: io.cwd,
    argv: [...passThrough, ...globs],
    logMessage: io.out,
    logError,
    optionsDefault: {
      ...(configured ? {} : { config: { default: false, wrapup: true } }),
      customRules: [rulesModule],
    },
  });
  if (configErrors.size > 0) throw new UsageError([...configErrors][0]!);
  return code;
}

export async function cli(argv: string[]): Promise<number> {
  const io: CliIo = {
    out: (line) => process.stdout.write(line + "\n"),
    err: (line) => process.stderr.write(line + "\n"),
    cwd: process.cwd(),
  };
  try {
    return await run(argv, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`wrapup-lint: ${message.split("\n")[0]}`);
    return 2;
  }
}
