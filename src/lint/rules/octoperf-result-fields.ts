// What a skill reads from an OctoPerf tool (result fields, state or status
// literals) exists in that tool's outputSchema or its enums.
import { partVerified } from "../../schemas/catalog.js";
import { toolRefs } from "../octoperf-calls.js";
import { enumValues, fieldPathExists, hasOpenObject, propertyNames } from "../schema-walk.js";
import type { Finding, LintContext, LintFile, Rule } from "../types.js";

function check(file: LintFile, context: LintContext): Finding[] {
  const findings: Finding[] = [];
  for (const ref of toolRefs(file, context)) {
    const tool = context.tools.get(ref.name);
    const output = tool?.outputSchema;
    if (!tool || !output || ref.reads.length === 0 || ref.forbidden) continue;
    const severity = partVerified(tool, "results") ? {} : { severity: "warning" as const };
    const unverified = "severity" in severity ? " (no public source confirms its results)" : "";
    const names = propertyNames(output);
    const values = enumValues(output);
    for (const read of ref.reads) {
      if (read.kind === "literal") {
        if (values.has(read.text) || names.has(read.text)) continue;
        findings.push({ line: read.line, column: read.column, message: `${ref.name} never reports ${read.text} (its values: ${[...values].join(", ") || "none"})${unverified}`, ...severity });
        continue;
      }
      const single = !read.text.includes(".");
      const name = read.text.replace(/\[\]$/, "");
      const ok =
        fieldPathExists(output, read.text) ||
        (single && (names.has(name) || values.has(name))) ||
        (name.startsWith("@") && hasOpenObject(output));
      if (!ok) findings.push({ line: read.line, column: read.column, message: `${ref.name} has no result field "${read.text}" (fields: ${[...names].join(", ")})${unverified}`, ...severity });
    }
  }
  return findings;
}

export const octoperfResultFieldsRule: Rule = {
  id: "octoperf-result-fields",
  description: "every result field, state or status read from an OctoPerf tool is in its `outputSchema` or enums; a warning where no source confirms the results",
  check,
};
