import { lint } from "markdownlint/promise";
function dump(toks, d=0) { for (const t of toks) { if (t.type==="lineEnding"||t.type==="whitespace") continue; console.log(" ".repeat(d*2)+t.type, t.startLine+":"+t.startColumn, t.endLine+":"+t.endColumn, JSON.stringify(t.text.slice(0,40))); if (d<7) dump(t.children, d+1);} }
const rule = { names: ["probe"], description: "probe", tags: ["x"], parser: "micromark",
  function(params) { dump(params.parsers.micromark.tokens); } };
const s = `# Title *x* \`c\` &amp;

- 🗓️ **Date:** 06.11.2023 – 10.11.2023
- foo [a](https://x.y/z "t") and https://github.com/a/b/pull/1. <https://a.b/c>

> **Tracking:** [h#1][ref]

## 🕵️ Head [ACL](https://github.com/x) ##

**Code**: x
Setext
===

[ref]: https://github.com/r/s/issues/1
`;
await lint({ strings: { s }, customRules: [rule], config: { default: false, probe: true } });
