// The corpus helpers live with the linter (npm run lint:skills -- --corpus prints the same score).
export * from "../../src/lint/corpus-score.js";
