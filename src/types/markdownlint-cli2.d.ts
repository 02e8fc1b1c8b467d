declare module "markdownlint-cli2" {
  export interface Parameters {
    directory?: string;
    argv?: string[];
    logMessage?: (message: string) => void;
    logError?: (message: string) => void;
    optionsDefault?: Record<string, unknown>;
    optionsOverride?: Record<string, unknown>;
    fileContents?: Record<string, string>;
    nonFileContents?: Record<string, string>;
    noImport?: boolean;
    noGlobs?: boolean;
    allowStdin?: boolean;
  }
  export function main(params: Parameters): Promise<number>;
}
