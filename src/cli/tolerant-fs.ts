/**
 * A file that cannot be read (permissions, a dangling link, a directory named `x.md`, an I/O
 * error) must not abort the run and lose every other file's findings, as it does when
 * markdownlint's read fails. This `fs` for markdownlint-cli2 hands the linter an empty document
 * for such a file and records why; the CLI names each one and exits 2.
 */
import nodeFs from "node:fs";
import path from "node:path";

type Callback = (error: NodeJS.ErrnoException | null, data?: string | Buffer) => void;

/** `unreadable` collects absolute path → reason (`EACCES: permission denied`). */
export function tolerantFs(base: typeof nodeFs, unreadable: Map<string, string>): typeof nodeFs {
  function readFile(file: nodeFs.PathOrFileDescriptor, options: unknown, callback?: Callback): void {
    const done = (typeof options === "function" ? options : callback) as Callback;
    const opts = typeof options === "function" ? undefined : options;
    (base.readFile as (...args: unknown[]) => void)(
      file,
      opts,
      (error: NodeJS.ErrnoException | null, data: string | Buffer) => {
        if (error && typeof file === "string") {
          unreadable.set(
            path.resolve(file),
            `${error.code ?? "error"}: ${error.message.replace(/^\w+: /, "").split(",")[0]}`,
          );
          return done(
            null,
            typeof opts === "string" || (typeof opts === "object" && opts !== null) ? "" : Buffer.alloc(0),
          );
        }
        done(error, data);
      },
    );
  }
  return { ...base, readFile } as unknown as typeof nodeFs;
}
