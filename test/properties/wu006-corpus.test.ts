/**
 * WU006 on the real pages: no finding on the real wrap-ups, and on the whole Gardener docs corpus
 * only the real slips reviewed by hand, the same by both linters.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { CORPUS, corpusFiles, HACKATHONS, testCorpus } from "../helpers/corpus.js";
import { lintMarkdownlint, lintRemark } from "../helpers/lint.js";

describe("the real corpus", () => {
  test("no finding on the real wrap-ups, by both linters", async () => {
    const files = fs.readdirSync(HACKATHONS).filter((f) => /^20.*\.md$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const f of files) {
      const text = fs.readFileSync(path.join(HACKATHONS, f), "utf8");
      for (const lint of [lintMarkdownlint, lintRemark]) {
        expect(await lint(text, { WU006: true }), `${f} ${lint.name}`).toEqual([]);
      }
    }
  });

  // Reviewed by hand: each is a real slip in the source (the text's number is not the URL's,
  // or a URL as text that is not its href). Anything else appearing here is a false finding.
  const REVIEWED = [
    "blog/2023/03/03-27-high-availability-and-zone-outage-toleration.md:299: Unexpected link text `#570` for `https://github.com/kubernetes/cloud-provider-aws/issues/569`, expected `#569`",
    "community/review-meetings/2023-reviews.md:397: Unexpected link text `networking-cilium#261` for `https://github.com/gardener/gardener-extension-networking-cilium/pull/174`, expected `networking-cilium#174`",
    "community/review-meetings/2025-reviews.md:559: Unexpected link text `extension-acl#105` for `https://github.com/stackitcloud/gardener-extension-acl/pull/106`, expected `extension-acl#106`",
    "docs/extensions/others/gardener-extension-shoot-dns-service/dns_providers.md:191: Unexpected link text `https://github.com/gardener/external-dns-management//examples`, expected the link's own URL `https://github.com/gardener/external-dns-management/tree/master/examples`",
    "docs/guides/high-availability/best-practices.md:305: Unexpected link text `#570` for `https://github.com/kubernetes/cloud-provider-aws/issues/569`, expected `#569`",
  ];

  testCorpus("the whole corpus: only the reviewed real slips, the same by both linters", async () => {
    const files = corpusFiles().map((f) => path.join(CORPUS, f));
    expect(files.length).toBeGreaterThan(1000);
    const found: Record<string, string[]> = { lintMarkdownlint: [], lintRemark: [] };
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      if (!/github\.com/i.test(text)) continue;
      // Let the test runner's worker breathe between files.
      await new Promise((resolve) => setImmediate(resolve));
      for (const lint of [lintMarkdownlint, lintRemark]) {
        for (const r of await lint(text, { WU006: true }))
          found[lint.name]!.push(`${path.relative(CORPUS, file)}:${r.line}: ${r.message}`);
      }
    }
    expect(found["lintMarkdownlint"]).toEqual(REVIEWED);
    expect(found["lintRemark"]).toEqual(REVIEWED);
  });
});
