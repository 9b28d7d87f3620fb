// Lint rules for clinic-pages: the recommended JavaScript and typescript-eslint sets, plus a few
// rules that catch the tricks a newcomer trips over. Run with `npm run lint`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "output/",
      "output.*/",
      ".cache/",
      "schemas/",
      "src/vocabulary/schemaorg.json",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        console: "readonly",
        process: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        performance: "readonly",
      },
    },
    rules: {
      // `(a(), b)` and `return log(x), 0` hide a statement inside an expression.
      "no-sequences": ["error", { allowInParentheses: false }],
      eqeqeq: ["error", "always"],
      "no-var": "error",
      "prefer-const": "error",
      "no-throw-literal": "error",
      "no-param-reassign": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
);
