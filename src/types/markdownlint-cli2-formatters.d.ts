declare module "markdownlint-cli2-formatter-default" {
  import type { OutputFormatter } from "markdownlint-cli2";
  const formatter: OutputFormatter;
  export = formatter;
}
declare module "markdownlint-cli2-formatter-json" {
  import type { OutputFormatter } from "markdownlint-cli2";
  const formatter: OutputFormatter;
  export = formatter;
}
declare module "markdownlint-cli2-formatter-sarif" {
  import type { OutputFormatter } from "markdownlint-cli2";
  const formatter: OutputFormatter;
  export = formatter;
}
declare module "markdownlint-cli2-formatter-junit" {
  import type { OutputFormatter } from "markdownlint-cli2";
  const formatter: OutputFormatter;
  export = formatter;
}
