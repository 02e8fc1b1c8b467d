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

export async function markdownlintModel(text: string): Promise<WrapupModel> {
  let model: WrapupModel | undefined;
  await lint({
    strings: { doc: text },
    config: { default: false, probe: true },
    customRules: [
      {
        names: ["probe"],
        description: "capture the model",
        tags: ["test"],
        parser: "micromark",
        function(params) {
          model = modelFromMarkdownlint(params);
        },
      },
    ],
  });
  if (!model) throw new Error("markdownlint did not run the probe rule");
  return model;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(remarkGfm);

/** `path` is the file's name, as markdownlint's `strings` key is (`markdownlintModel` uses "doc"). */
export function remarkModel(text: string, path = "doc"): WrapupModel {
  const file = new VFile({ value: text, path });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return modelFromMdast(tree, file);
}
