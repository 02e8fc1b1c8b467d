/** Builds the model of a document through each linter's own parse, for parity tests. */
import { lint } from "markdownlint/promise";
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import { modelFromMarkdownlint } from "../../src/model/from-micromark.js";
import { modelFromMdast } from "../../src/model/from-mdast.js";
import type { WrapupModel } from "../../src/model/types.js";
import { eventDetailsOf, sectionsOf, sourceOf } from "../../src/model/structure.js";

/** Models of many documents through markdownlint (one parse each), by their names. */
export async function markdownlintModels(strings: Record<string, string>): Promise<Map<string, WrapupModel>> {
  const models = new Map<string, WrapupModel>();
  // In batches: markdownlint chains one document's callback into the next, and a thousand
  // documents overflow the stack; between batches vitest's worker gets to talk to its parent.
  const entries = Object.entries(strings);
  for (let i = 0; i < entries.length; i += 50) {
    await new Promise((resolve) => setImmediate(resolve));
    await lint({
      strings: Object.fromEntries(entries.slice(i, i + 50)),
      config: { default: false, probe: true },
      customRules: [
        {
          names: ["probe"],
          description: "capture the model",
          tags: ["test"],
          parser: "micromark",
          function(params) {
            models.set(params.name, modelFromMarkdownlint(params));
          },
        },
      ],
    });
  }
  return models;
}

export async function markdownlintModel(text: string): Promise<WrapupModel> {
  const model = (await markdownlintModels({ doc: text })).get("doc");
  if (!model) throw new Error("markdownlint did not run the probe rule");
  return model;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(remarkGfm);

/** The tree remark (with front matter and GFM, as the preset parses) builds of `text`, and its file. */
export function remarkTree(text: string, path = "doc"): { tree: Root; file: VFile } {
  const file = new VFile({ value: text, path });
  return { tree: processor.runSync(processor.parse(file), file) as Root, file };
}

/** `path` is the file's name, as markdownlint's `strings` key is (`markdownlintModel` uses "doc"). */
export function remarkModel(text: string, path = "doc"): WrapupModel {
  const { tree, file } = remarkTree(text, path);
  return modelFromMdast(tree, file);
}

/** A model of bare lines, all WU008 reads, as both builders give it for a page without comments. */
export function linesModel(lines: string[]): WrapupModel {
  return { lines, frontMatter: null, h1: null, headings: [], links: [], hiddenHeadings: [] };
}

/** The model with the parts read on first use (sections, event details, unmasked lines), as one object: what parity compares. */
export function modelData(model: WrapupModel): object {
  return { ...model, source: sourceOf(model), eventDetails: eventDetailsOf(model), sections: sectionsOf(model) };
}
