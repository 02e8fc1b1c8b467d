/**
 * Both builders produce equal models: from markdownlint's micromark tokens and from remark's
 * mdast, for every fixture, every real wrap-up and every page of the corpus.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { CORPUS, corpusFiles, HACKATHONS, testCorpus, wrapups } from "../helpers/corpus.js";
import type { Nodes } from "mdast";
import { parseMdast } from "../../src/model/from-mdast.js";
import { linesModel, markdownlintModels, modelData, remarkModel, remarkTree } from "../helpers/models.js";
import { eventDetailsOf, sectionsOf, sourceOf } from "../../src/model/structure.js";

const fixtures = path.resolve(import.meta.dirname, "..", "..", "fixtures");

async function expectParity(files: Record<string, string>): Promise<number> {
  const models = await markdownlintModels(files);
  let compared = 0;
  for (const [name, text] of Object.entries(files)) {
    // Let vitest's worker answer its parent now and then (a worker silent for a minute fails the run).
    if (compared % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    const fromMicromark = models.get(name);
    expect(fromMicromark, name).toBeDefined();
    expect(JSON.parse(JSON.stringify(modelData(remarkModel(text, name)))), name).toEqual(
      JSON.parse(JSON.stringify(modelData(fromMicromark!))),
    );
    compared++;
  }
  return compared;
}

describe("model parity", () => {
  test("fixtures", async () => {
    const files = Object.fromEntries(
      fs
        .readdirSync(fixtures)
        .filter((f) => f.endsWith(".md"))
        .map((f) => [f, fs.readFileSync(path.join(fixtures, f), "utf8")]),
    );
    expect(await expectParity(files)).toBeGreaterThan(3);
  });

  test("real wrap-ups: models are equal and hold what the pages hold", async () => {
    const files = Object.fromEntries(wrapups().map((f) => [f, fs.readFileSync(path.join(HACKATHONS, f), "utf8")]));
    expect(await expectParity(files)).toBe(12);
    const m = remarkModel(files["2023-11.md"]!);
    expect(m.h1?.plain).toBe("Hack The Garden 11/2023 Wrap Up");
    expect(m.frontMatter).toMatchObject({ kind: "yaml", startLine: 1, endLine: 14 });
    expect(eventDetailsOf(m)?.items.map((i) => i.label)).toEqual([
      "Date",
      "Location",
      "Organizer",
      "Topics",
      "Review Meeting Summary",
    ]);
    expect(eventDetailsOf(m)?.items[0]).toMatchObject({ marker: "🗓️", value: "06.11.2023 – 10.11.2023", line: 18 });
    expect(sectionsOf(m)[0]?.heading).toMatchObject({ line: 26, plain: "🏛️ ARM Support For OpenStack Extension" });
    expect(sectionsOf(m)[0]?.fields.map((f) => [f.label, f.style, f.colon, f.line])).toEqual([
      ["Problem Statement", "bold", "inside", 28],
      ["Motivation/Benefits", "bold", "outside", 30],
      ["Achievements", "bold", "inside", 32],
      ["Next Steps", "bold", "inside", 34],
      ["Code", "bold", "outside", 36],
    ]);
    const link = m.links.find(
      (l) => l.url === "https://github.com/gardener/gardener-extension-provider-openstack/pull/690",
    );
    expect(link).toMatchObject({
      kind: "inline",
      text: "gardener/gardener-extension-provider-openstack#690",
      span: { start: { line: 36, column: 11 } },
    });
    const h3 = remarkModel(files["2025-11.md"]!);
    expect(sectionsOf(h3)[0]?.fields.map((f) => [f.label, f.style, f.line, f.endLine])).toEqual([
      ["Problem Statement", "heading", 29, 33],
      ["Motivation & Benefits", "heading", 35, 39],
      ["Achievements", "heading", 41, 54],
      ["Next Steps", "heading", 56, 66],
      ["Code & Pull Requests", "heading", 68, 73],
    ]);
  }, 300_000);

  testCorpus("every page of the corpus", async () => {
    const names = corpusFiles();
    expect(names.length).toBeGreaterThan(1000);
    const files = Object.fromEntries(names.map((f) => [f, fs.readFileSync(path.join(CORPUS, f), "utf8")]));
    expect(await expectParity(files)).toBe(names.length);
  });

  testCorpus(
    "the mdast builder skips text that holds no link, and so no link: every link node a full walk finds, with and without a byte-order mark",
    async () => {
      const linkStarts = (node: Nodes, out: string[] = []): string[] => {
        if ((node.type === "link" || node.type === "linkReference") && node.position)
          out.push(`${node.position.start.line}:${node.position.start.column}`);
        if ("children" in node && node.type !== "link" && node.type !== "linkReference")
          for (const child of node.children) linkStarts(child, out);
        return out;
      };
      let links = 0;
      for (const [i, name] of corpusFiles().entries()) {
        // Let vitest's worker answer its parent now and then (a worker silent for a minute fails the run).
        if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
        const text = fs.readFileSync(path.join(CORPUS, name), "utf8");
        for (const source of [text, "\uFEFF" + text]) {
          const { tree } = remarkTree(source);
          const found = parseMdast(tree, source).links.map((l) => `${l.start.line}:${l.start.column}`);
          expect(found, name).toEqual(linkStarts(tree));
          links += found.length;
        }
      }
      // The corpus links a lot: the comparison is not between two empty lists.
      expect(links).toBeGreaterThan(20_000);
    },
  );

  test("a model is plain data; its sections, event details and unmasked lines are read once, on first use", () => {
    const text = fs.readFileSync(path.join(HACKATHONS, "2023-11.md"), "utf8");
    const m = remarkModel(text);
    expect(Object.keys(m).sort()).toEqual([
      "frontMatter",
      "h1",
      "headings",
      "hiddenHeadings",
      "lines",
      "links",
      "path",
    ]);
    expect(structuredClone(m)).toEqual(m);
    expect(sectionsOf(m).length).toBeGreaterThan(5);
    expect(sectionsOf(m)).toBe(sectionsOf(m));
    expect(eventDetailsOf(m)).toBe(eventDetailsOf(m));
    // A page without a comment: its lines as they are; with one, the comment's text as written.
    expect(sourceOf(m)).toBe(m.lines);
    const commented = remarkModel("# T\n\n<!-- ðŸš€ -->\n");
    expect(commented.lines[2]).toBe("<!-- .... -->");
    expect(sourceOf(commented)[2]).toBe("<!-- ðŸš€ -->");
    // A model made by hand has none of the parts read from a tree.
    expect(sectionsOf(linesModel(["# T"]))).toEqual([]);
  });
});
