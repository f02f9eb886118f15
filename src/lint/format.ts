// Diagnostics as text (`path:line:col  rule-id  message`) or JSON.
import type { Diagnostic } from "./types.js";

export function formatText(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.path}:${d.line}:${d.column}  ${d.ruleId}  ${d.message}`).join("\n");
}

export function formatJson(diagnostics: readonly Diagnostic[], files: number): string {
  return JSON.stringify({ files, errors: diagnostics.length, diagnostics }, null, 2);
}
