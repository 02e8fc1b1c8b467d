/**
 * WU008 on the whole Gardener documentation corpus (1,072 real files: emoji, German, typographic
 * quotes, box drawings, code): its only genuine anomaly is a doubled U+FE0F after ⚖, on two
 * lines. Each file goes through the remark model once; the rule reads only the model.
 */
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { emojiEncoding } from "../../rules/wu008-emoji-encoding.js";
import { mayHoldMojibake } from "../../src/encoding/index.js";
import { CORPUS, corpusFiles, testCorpus } from "../helpers/corpus.js";
import { remarkModel } from "../helpers/models.js";

testCorpus(
  "the Gardener corpus has no finding but the doubled U+FE0F after ⚖, fixed",
  async () => {
    const files = corpusFiles().map((f) => path.join(CORPUS, f));
    expect(files.length).toBe(1072);
    const found: string[] = [];
    const fixes: string[] = [];
    let checkMs = 0;
    let lines = 0;
    let suspect = 0;
    for (const [i, file] of files.entries()) {
      // Let vitest's worker answer its parent now and then (each parse is synchronous).
      if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      const model = remarkModel(fs.readFileSync(file, "utf8"));
      lines += model.lines.length;
      suspect += model.lines.filter(mayHoldMojibake).length;
      const started = performance.now();
      const findings = emojiEncoding.check(model, emojiEncoding.defaults);
      checkMs += performance.now() - started;
      for (const f of findings) {
        found.push(`${path.relative(CORPUS, file)}:${f.span!.start.line}:${f.span!.start.column}: ${f.message}`);
        if (f.fix)
          fixes.push(
            `${path.relative(CORPUS, file)}:${f.fix.line}:${f.fix.column}:${f.fix.deleteCount}:${JSON.stringify(f.fix.insertText)}`,
          );
      }
    }
    console.log(
      `WU008 check over the corpus: ${checkMs.toFixed(0)} ms; ${suspect} of ${lines} lines pass the pre-filter`,
    );
    // The pre-filter keeps clean text nearly free: hardly any real line gets past it.
    expect(suspect / lines).toBeLessThan(0.001);
    expect(found).toEqual([
      "community/hackathons/2025-11.md:417:6: Unexpected redundant variation selector U+FE0F after `⚖️`, expected `⚖️`",
      "community/review-meetings/2025-reviews.md:81:55: Unexpected redundant variation selector U+FE0F after `⚖️`, expected `⚖️`",
    ]);
    expect(fixes).toEqual([
      'community/hackathons/2025-11.md:417:6:1:""',
      'community/review-meetings/2025-reviews.md:81:55:1:""',
    ]);
  },
  300_000,
);
