// Diagnostics as text (`path:line:col  rule-id  message`, warnings marked) or JSON.
import type { Diagnostic } from "./types.js";

export function formatText(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${d.path}:${d.line}:${d.column}  ${d.ruleId}  ${d.severity === "warning" ? "warning: " : ""}${d.message}`)
    .join("\n");
}

export function formatJson(diagnostics: readonly Diagnostic[], files: number): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return JSON.stringify({ files, errors, warnings: diagnostics.length - errors, diagnostics }, null, 2);
}
