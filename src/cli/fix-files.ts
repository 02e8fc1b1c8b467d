/**
 * Safe `--fix` writing for markdownlint-cli2. markdownlint's `applyFixes` joins every line with
 * the file's most common line ending (a file with mixed endings changes outside the fixes) and
 * markdownlint-cli2 writes with a plain `writeFile` (a crash or a full disk mid-write leaves a
 * truncated file). markdownlint-cli2 takes an `fs` implementation: this one
 *
 * - hands the linter each file with LF line endings and without a byte-order mark (positions are
 *   unchanged: both linters count CR, LF and CRLF alike and skip a BOM), so that fixes are
 *   computed and applied on that text;
 * - on write, puts back each line's own ending (CRLF stays CRLF, mixed stays mixed) and the BOM,
 *   writes nothing when the result equals the file (its mtime stays), and otherwise writes a
 *   temporary file in the same directory and renames it over the original (atomic), keeping
 *   the file's mode; the file behind a symbolic link is the one replaced.
 */
import nodeFs from "node:fs";
import path from "node:path";
import { lfLineEndings } from "../model/source.js";

const BOM = "\uFEFF";

interface Original {
  /** The file's text as read, BOM included. */
  text: string;
}

/** Splits text into lines and the ending after each (the last line's ending is ""). */
function linesWithEndings(text: string): { lines: string[]; endings: string[] } {
  const lines: string[] = [];
  const endings: string[] = [];
  const re = /\r\n|\r|\n/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push(text.slice(last, m.index));
    endings.push(m[0]);
    last = m.index + m[0].length;
  }
  lines.push(text.slice(last));
  endings.push("");
  return { lines, endings };
}

/** The text the linter sees: LF endings, no BOM. */
export function normalize(text: string): string {
  return lfLineEndings(text.startsWith(BOM) ? text.slice(1) : text);
}

/**
 * The fixed text with the original's line endings and BOM put back. When fixes added or removed
 * lines (markdownlint's own rules may), lines cannot be matched one to one: the original's most
 * common ending is used throughout, as markdownlint does.
 */
export function restore(original: string, fixed: string): string {
  const bom = original.startsWith(BOM) ? BOM : "";
  const { lines: originalLines, endings } = linesWithEndings(bom ? original.slice(1) : original);
  const fixedLines = fixed.split("\n");
  let out: string;
  if (fixedLines.length === originalLines.length) {
    out = fixedLines.map((line, i) => line + endings[i]!).join("");
  } else {
    const counts = new Map<string, number>();
    for (const e of endings) if (e) counts.set(e, (counts.get(e) ?? 0) + 1);
    const preferred = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "\n";
    out = fixedLines.join(preferred);
  }
  return bom + out;
}

/** Writes `text` to `file` atomically: a temporary file in the same directory, then a rename. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const target = await nodeFs.promises.realpath(file).catch(() => file);
  const dir = path.dirname(target);
  const temp = path.join(
    dir,
    `.${path.basename(target)}.wrapup-lint-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
  const mode = await nodeFs.promises.stat(target).then(
    (s) => s.mode & 0o7777,
    () => 0o666,
  );
  try {
    await nodeFs.promises.writeFile(temp, text, { encoding: "utf8", mode, flag: "wx" });
    await nodeFs.promises.rename(temp, target);
  } catch (error) {
    await nodeFs.promises.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}

type Callback = (error: NodeJS.ErrnoException | null, data?: string | Buffer) => void;

/** An `fs` for markdownlint-cli2 `--fix` that keeps line endings and BOM and writes atomically. */
export function fixSafeFs(base: typeof nodeFs = nodeFs): typeof nodeFs {
  const originals = new Map<string, Original>();
  const key = (file: unknown): string => path.resolve(String(file));
  const isText = (options: unknown): boolean =>
    options === "utf8" ||
    options === "utf-8" ||
    (typeof options === "object" &&
      options !== null &&
      /^utf-?8$/i.test(String((options as { encoding?: string }).encoding)));

  const remember = (file: unknown, text: string): string => {
    originals.set(key(file), { text });
    return normalize(text);
  };

  function readFile(file: nodeFs.PathOrFileDescriptor, options: unknown, callback?: Callback): void {
    const done = (typeof options === "function" ? options : callback) as Callback;
    const opts = typeof options === "function" ? undefined : options;
    base.readFile(file, opts as never, (error: NodeJS.ErrnoException | null, data: string | Buffer) => {
      if (error || !isText(opts) || typeof data !== "string") return done(error, data);
      done(null, remember(file, data));
    });
  }

  const promises = {
    ...base.promises,
    async readFile(file: nodeFs.PathLike | nodeFs.promises.FileHandle, options?: unknown): Promise<string | Buffer> {
      const data = await base.promises.readFile(file, options as never);
      return isText(options) && typeof data === "string" ? remember(file, data) : data;
    },
    async writeFile(
      file: nodeFs.PathLike | nodeFs.promises.FileHandle,
      data: unknown,
      options?: unknown,
    ): Promise<void> {
      if (typeof data !== "string" || (typeof file !== "string" && !(file instanceof URL))) {
        return base.promises.writeFile(file, data as never, options as never);
      }
      const current = await base.promises.readFile(file, "utf8");
      const original = originals.get(key(file))?.text ?? current;
      // The file changed on disk since it was linted: leave it to the user, do not overwrite.
      if (current !== original) throw new Error(`${String(file)} changed while it was being fixed; not written`);
      const fixed = restore(original, data);
      if (fixed === original) return;
      await writeAtomically(String(file instanceof URL ? file.pathname : file), fixed);
      originals.set(key(file), { text: fixed });
    },
  };

  const wrapped = { ...base, readFile, promises } as unknown as typeof nodeFs;
  return wrapped;
}
