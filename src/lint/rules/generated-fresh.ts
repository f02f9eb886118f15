// Generated regions match what `npm run generate` would write now. The
// renderer comes in through the context (src/render reads this registry for
// the README's rule table, so the rules do not import it back).
import { findRegions, RegionError } from "../../render/regions.js";
import type { Finding, LintContext, LintFile, Rule } from "../types.js";

function check(file: LintFile, context: LintContext): Finding[] {
  if (!file.text.includes("<!-- generated")) return [];
  try {
    const result = context.renderGenerated(file.path, file.text);
    if (result.fresh) return [];
    const now = findRegions(file.text);
    const fresh = findRegions(result.rendered);
    return now
      .filter((region, index) => region.body !== fresh[index]?.body)
      .map((region) => ({ line: region.line, column: 1, message: `generated region "${region.name}" is stale: run npm run generate` }));
  } catch (error) {
    const line = error instanceof RegionError ? error.line : 1;
    return [{ line, column: 1, message: `generated region cannot be rendered: ${(error as Error).message}` }];
  }
}

export const generatedFreshRule: Rule = {
  id: "generated-fresh",
  description: "generated regions equal what `npm run generate` writes from the policy",
  house: true,
  check,
};
