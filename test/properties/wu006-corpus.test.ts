/**
 * WU006 on the whole Gardener docs corpus: only the real slips reviewed by hand, the same by both
 * linters. No finding on the 12 real wrap-ups: test/properties/house-style.test.ts (both linters).
 */
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { CORPUS, corpusFiles, testCorpus } from "../helpers/corpus.js";
import { lintMarkdownlint, lintRemark } from "../helpers/lint.js";

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
  const files = corpusFiles();
  expect(files.length).toBeGreaterThan(1000);
  for (const lint of [lintMarkdownlint, lintRemark]) {
    const found: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(CORPUS, file), "utf8");
      if (!/github\.com/i.test(text)) continue;
      // Let the test runner's worker breathe between files.
      await new Promise((resolve) => setImmediate(resolve));
      for (const r of await lint(text, { WU006: true })) found.push(`${file}:${r.line}: ${r.message}`);
    }
    expect(found, lint.name).toEqual(REVIEWED);
  }
});
