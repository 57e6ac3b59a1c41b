// The JS linter for the live element and the presentation keys (app/components/*.js), and the
// node test of the live element's patch function (tests/live_js/). Run by tests/test_live_js.py.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["app/components/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
    rules: { "no-unused-vars": ["error", { args: "after-used" }], eqeqeq: "error", "no-var": "error", "prefer-const": "error" },
  },
  {
    files: ["tests/**/*.js", "tests/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
];
