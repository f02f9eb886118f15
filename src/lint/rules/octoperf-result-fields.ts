// What a skill reads from an OctoPerf tool (result fields, state or status
// literals) exists in that tool's outputSchema or its enums.
import { toolRefs } from "../octoperf-calls.js";
import { enumValues, fieldPathExists, hasOpenObject, propertyNames } from "../schema-walk.js";
import type { Finding, LintContext, LintFile, Rule } from "../types.js";

function check(file: LintFile, context: LintContext): Finding[] {
  const findings: Finding[] = [];
  for (const ref of toolRefs(file, context)) {
    const output = context.tools.get(ref.name)?.outputSchema;
    if (!output || ref.reads.length === 0) continue;
    const names = propertyNames(output);
    const values = enumValues(output);
    for (const read of ref.reads) {
      if (read.kind === "literal") {
        if (values.has(read.text) || names.has(read.text)) continue;
        findings.push({ line: read.line, column: read.column, message: `${ref.name} never reports ${read.text} (its values: ${[...values].join(", ") || "none"})` });
        continue;
      }
      const single = !read.text.includes(".");
      const name = read.text.replace(/\[\]$/, "");
      const ok =
        fieldPathExists(output, read.text) ||
        (single && (names.has(name) || values.has(name))) ||
        (name.startsWith("@") && hasOpenObject(output));
      if (!ok) findings.push({ line: read.line, column: read.column, message: `${ref.name} has no result field "${read.text}" (fields: ${[...names].join(", ")})` });
    }
  }
  return findings;
}

export const octoperfResultFieldsRule: Rule = {
  id: "octoperf-result-fields",
  description: "Every result field and state/status literal read from an OctoPerf tool exists in its outputSchema or enums.",
  check,
};
