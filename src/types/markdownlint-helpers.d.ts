declare module "markdownlint/helpers" {
  const helpers: {
    clearHtmlCommentText(text: string): string;
  };
  export default helpers;
}
