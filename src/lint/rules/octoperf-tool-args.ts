// A spelled-out OctoPerf call names only arguments the tool has and shows
// every required one. Read as other styles write calls: `name=value`, a bare
// name (`projectId`, optional `applications?` or `[templateId]`), a positional
// placeholder (`summaryItemId` standing for `itemId`), a value in position
// (`"jmeter.log"`), or `(...)` for a call that shows only some arguments.
// Where no public source confirms a tool's arguments, findings are warnings.
import { partVerified } from "../../schemas/catalog.js";
import type { CatalogTool } from "../../schemas/tool-entry.js";
import { editDistance } from "../names.js";
import { toolRefs, type ArgRef } from "../octoperf-calls.js";
import type { Finding, LintContext, LintFile, Rule } from "../types.js";

const argumentCache = new WeakMap<object, Set<string>>();
/** Every argument name of every catalog tool: a bare name among them is meant as that argument. */
function knownArguments(context: LintContext): Set<string> {
  let names = argumentCache.get(context.tools);
  if (!names) {
    names = new Set([...context.tools.values()].flatMap((tool) => Object.keys(tool.inputSchema.properties ?? {})));
    argumentCache.set(context.tools, names);
  }
  return names;
}

/** The property a placeholder stands for: same name up to case, or one ends with the other (summaryItemId / itemId). */
function placeholderFor(name: string, properties: readonly string[], taken: ReadonlySet<string>): string | undefined {
  const lower = name.toLowerCase();
  const free = properties.filter((p) => !taken.has(p));
  return (
    free.find((p) => p.toLowerCase() === lower) ??
    free.find((p) => p.length >= 2 && (lower.endsWith(p.toLowerCase()) || p.toLowerCase().endsWith(lower))) ??
    free.find((p) => editDistance(p.toLowerCase(), lower) <= 2)
  );
}

function checkCall(name: string, line: number, column: number, args: readonly ArgRef[], tool: CatalogTool, context: LintContext): Finding[] {
  const findings: Finding[] = [];
  const severity = partVerified(tool, "arguments") ? undefined : ("warning" as const);
  const unverified = severity ? " (no public source confirms its arguments)" : "";
  const properties = Object.keys(tool.inputSchema.properties ?? {});
  const shown = new Set<string>();
  let unmatched = 0;
  for (const arg of args) {
    if (arg.kind === "rest") continue;
    if (arg.kind === "positional") {
      unmatched++;
      continue;
    }
    const argName = arg.name!;
    if (properties.includes(argName)) {
      shown.add(argName);
      continue;
    }
    const meant = arg.kind === "shorthand" ? placeholderFor(argName, properties, shown) : undefined;
    if (meant) {
      shown.add(meant);
      continue;
    }
    if (arg.kind === "named" || knownArguments(context).has(argName)) {
      findings.push({ line, column: arg.column, message: `${name} has no argument "${argName}" (it takes: ${properties.join(", ") || "none"})${unverified}`, ...(severity ? { severity } : {}) });
      continue;
    }
    unmatched++;
  }
  const given = args.filter((arg) => arg.kind !== "rest").length;
  if (given > properties.length) {
    findings.push({ line, column, message: `${name} takes ${properties.length} ${properties.length === 1 ? "argument" : "arguments"} (${properties.join(", ") || "none"}), ${given} are shown${unverified}`, ...(severity ? { severity } : {}) });
    return findings;
  }
  // `(...)`, or `…` inside a value (`applications=[…]`): the call shows only part of itself.
  if (args.length === 0 || args.some((arg) => arg.kind === "rest" || /\.\.\.|…/.test(arg.raw))) return findings;
  const missing = (tool.inputSchema.required ?? []).filter((required) => !shown.has(required));
  if (missing.length > unmatched) {
    findings.push({
      line,
      column,
      message: `${name}(...) leaves out required ${missing.length > 1 ? "arguments" : "argument"} ${missing.join(", ")}${unverified}`,
      ...(severity ? { severity } : {}),
    });
  }
  return findings;
}

function check(file: LintFile, context: LintContext): Finding[] {
  const findings: Finding[] = [];
  for (const ref of toolRefs(file, context)) {
    const tool = context.tools.get(ref.name);
    if (!tool || !ref.args || ref.forbidden) continue;
    findings.push(...checkCall(ref.name, ref.line, ref.column, ref.args, tool, context));
  }
  return findings;
}

export const octoperfToolArgsRule: Rule = {
  id: "octoperf-tool-args",
  description:
    "a spelled-out OctoPerf call uses only arguments the tool has and shows every required one (named, shorthand, positional and `(...)` styles); a warning where no source confirms the arguments",
  check,
};
