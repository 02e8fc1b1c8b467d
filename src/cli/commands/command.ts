/**
 * What the subcommands (`init`, `new`, `status`) share: where they write, how they end on a
 * problem (one line, exit 2), and how they read their arguments.
 */
import { parseArgs, type ParseArgsOptionsConfig } from "node:util";

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

/** A problem that ends the command: one line, exit 2. */
export class CommandError extends Error {}

const HELP = { help: { type: "boolean" } } as const;

/**
 * The command's arguments (node:util's parseArgs, positionals allowed, `--help` added), or null
 * when `--help` was asked for and the usage is written. A bad argument is one CommandError line.
 */
export function commandArgs<O extends ParseArgsOptionsConfig>(
  command: string,
  argv: string[],
  options: O,
  usage: string,
  io: CommandIo,
) {
  const config = { args: argv, allowPositionals: true as const, options: { ...options, ...HELP } };
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    throw new CommandError(`${command}: ${(error as Error).message.split("\n")[0]} (see ${command} --help)`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.out(usage);
    return null;
  }
  return parsed;
}
