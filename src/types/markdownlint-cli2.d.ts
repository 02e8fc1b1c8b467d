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
    /** A Node-like fs (markdownlint-cli2 and markdownlint read through it). */
    fs?: unknown;
  }
  export interface FixInfo {
    lineNumber?: number;
    editColumn?: number;
    deleteCount?: number;
    insertText?: string;
  }
  /** One finding, as output formatters receive it (file names relative to the directory). */
  export interface LintResult {
    fileName: string;
    lineNumber: number;
    ruleNames: string[];
    ruleDescription: string;
    ruleInformation: string | null;
    errorDetail: string | null;
    errorContext: string | null;
    errorRange: [number, number] | null;
    fixInfo: FixInfo | null;
    severity?: "error" | "warning";
  }
  export interface OutputFormatterOptions {
    directory: string;
    results: LintResult[];
    logMessage: (message: string) => void;
    logError: (message: string) => void;
    fsPromises?: unknown;
  }
  export type OutputFormatter = (
    options: OutputFormatterOptions,
    params?: Record<string, unknown>,
  ) => void | Promise<void>;
  export function main(params: Parameters): Promise<number>;
}
declare module "markdownlint-cli2/markdownlint" {
  export * from "markdownlint";
}
