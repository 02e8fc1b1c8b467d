// ESLint with typescript-eslint's recommended rules over the code, its tests, scripts and bench.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "action/", "coverage/", ".ci/", "node_modules/", "test/**/fixtures/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        Buffer: "readonly",
        structuredClone: "readonly",
        performance: "readonly",
        fetch: "readonly",
        AbortController: "readonly",
        TextDecoder: "readonly",
        TextEncoder: "readonly",
        setImmediate: "readonly",
        queueMicrotask: "readonly",
        globalThis: "readonly",
      },
    },
    rules: {
      // `_`-prefixed names are deliberately unused (a skipped parameter, a key dropped by destructuring).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrors: "none",
          destructuredArrayIgnorePattern: "^_",
        },
      ],
      // The suite reads text for control characters on purpose (damaged text, clipped messages).
      "no-control-regex": "off",
    },
  },
  {
    // Tests read JSON answers and foreign objects (a linter's rule list, a fake server's body)
    // whose shape is what they assert.
    files: ["test/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
