/**
 * The disk cache of definite answers (exists / does not exist, with what GitHub said of the
 * thing and the state it is in), one JSON file per GitHub (the API's host name) in the cache
 * dir, with a TTL: answers that can change (an open pull request, a branch, "exists") live
 * `ttlMs`, answers that cannot (a merged pull request) `finalTtlMs`. Errors
 * and unverified answers are never stored; the token never is. Answers to other questions
 * (`ASKED` differs: another wrapup-lint) are not used. A cache dir that cannot be read or
 * written makes the cache empty, never an error.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ASKED, isFinal, type Verdict } from "./checks.js";

/** One answer: when GitHub gave it, and the verdict (whatever a check's reader keeps). */
interface Entry {
  at: number;
  verdict: Verdict;
  /** An answer that cannot change (a merged pull request): kept for the longer lifetime. */
  final?: true;
}

interface CacheFile {
  version: 2;
  /** The GitHub the answers are about (the API's host name). */
  instance: string;
  /** What was asked (checks.ts). */
  asked: string;
  entries: Record<string, Entry>;
}

const VERSION = 2;

/** One message per process about a cache that cannot be written. */
let warned = false;

export class DiskCache {
  private entries = new Map<string, Entry>();
  private readonly file: string;
  private loaded = false;
  private dirty = false;
  /** Once a write failed, stop trying (an unwritable dir must not slow every batch). */
  private broken = false;

  constructor(
    dir: string,
    private readonly instance: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    /** How long an answer that cannot change lives (never shorter than `ttlMs`). */
    private readonly finalTtlMs: number = ttlMs,
  ) {
    const name = createHash("sha256").update(instance).digest("hex").slice(0, 16);
    this.file = path.join(dir, `github-${name}.json`);
  }

  /** The file's entries, if it is a cache of the same answers. */
  private ours(data: CacheFile): boolean {
    return (
      data.version === VERSION &&
      data.instance === this.instance &&
      data.asked === ASKED &&
      typeof data.entries === "object" &&
      data.entries !== null
    );
  }

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const data = JSON.parse(fs.readFileSync(this.file, "utf8")) as CacheFile;
      if (!this.ours(data)) return;
      for (const [key, entry] of Object.entries(data.entries)) {
        if (
          entry &&
          typeof entry.at === "number" &&
          entry.verdict &&
          (entry.verdict.status === "ok" || entry.verdict.status === "missing")
        ) {
          this.entries.set(key, entry);
        }
      }
    } catch {
      // No cache yet, or unreadable: start empty.
    }
  }

  /** True when the cache holds no answer at all (loading it first). */
  get empty(): boolean {
    this.load();
    return this.entries.size === 0;
  }

  get(key: string): Verdict | null {
    this.load();
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (this.now() - entry.at > this.lifetime(entry)) return null;
    return entry.verdict;
  }

  private lifetime(entry: Entry): number {
    return entry.final ? Math.max(this.finalTtlMs, this.ttlMs) : this.ttlMs;
  }

  set(key: string, verdict: Verdict): void {
    if (verdict.status !== "ok" && verdict.status !== "missing") return;
    this.load();
    this.entries.set(key, { at: this.now(), verdict, ...(isFinal(verdict) ? { final: true as const } : {}) });
    this.dirty = true;
  }

  /** Writes the file if anything changed, merging what another process wrote meanwhile. */
  flush(): void {
    if (!this.dirty || this.broken) return;
    this.dirty = false;
    let tmp: string | null = null;
    try {
      let merged: Record<string, Entry> = {};
      try {
        const onDisk = JSON.parse(fs.readFileSync(this.file, "utf8")) as CacheFile;
        if (this.ours(onDisk)) merged = onDisk.entries;
      } catch {
        // Nothing to merge.
      }
      const now = this.now();
      for (const [key, entry] of Object.entries(merged)) if (now - entry.at > this.lifetime(entry)) delete merged[key];
      for (const [key, entry] of this.entries) merged[key] = entry;
      const data: CacheFile = { version: VERSION, instance: this.instance, asked: ASKED, entries: merged };
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      tmp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, this.file);
    } catch (error) {
      this.broken = true;
      // A full disk leaves a partial temporary file behind: remove it.
      try {
        if (tmp) fs.rmSync(tmp, { force: true });
      } catch {
        // Nothing more to do.
      }
      // Lint results do not depend on the cache; say once why links will be asked again.
      if (!warned) {
        warned = true;
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        process.stderr.write(
          `wrapup-lint: cannot write the GitHub link cache in ${path.dirname(this.file)} (${code}); links will be checked again next run\n`,
        );
      }
    }
  }
}
