// Claude Code's own tool input schemas, read from the pinned client's
// sdk-tools.d.ts with the TypeScript parser. Limits stated in doc comments
// (ScheduleWakeup's clamp, Monitor's default and cap, Bash's foreground max)
// become minimum / maximum / default on the property.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "./catalog.js";
import type { JsonSchema, ObjectSchema } from "./json-schema.js";

export const CLAUDE_CODE_PACKAGE_DIR = join(REPO_ROOT, "node_modules", "@anthropic-ai", "claude-code");
export const CLAUDE_CODE_TOOLS = ["CronCreate", "CronDelete", "CronList", "ScheduleWakeup", "Monitor", "Bash"] as const;
export type ClaudeCodeTool = (typeof CLAUDE_CODE_TOOLS)[number];

export interface ClaudeCodeSchemas {
  readonly version: string;
  readonly source: string;
  readonly tools: Readonly<Record<ClaudeCodeTool, ObjectSchema>>;
}

type Json = JsonSchema;

function typeSchema(node: ts.TypeNode, source: ts.SourceFile): Json {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: "string" };
    case ts.SyntaxKind.NumberKeyword:
      return { type: "number" };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: "boolean" };
    default:
      break;
  }
  if (ts.isLiteralTypeNode(node)) {
    if (ts.isStringLiteral(node.literal)) return { type: "string", enum: [node.literal.text] };
    if (node.literal.kind === ts.SyntaxKind.TrueKeyword || node.literal.kind === ts.SyntaxKind.FalseKeyword) return { type: "boolean" };
  }
  if (ts.isArrayTypeNode(node)) return { type: "array", items: typeSchema(node.elementType, source) };
  if (ts.isTypeLiteralNode(node)) return membersSchema(node.members, source);
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.map((part) => typeSchema(part, source));
    if (parts.every((part) => part.type === "string" && Array.isArray(part.enum))) {
      return { type: "string", enum: parts.flatMap((part) => part.enum ?? []) };
    }
    return { anyOf: parts };
  }
  return { description: `(type ${node.getText(source)})` };
}

function docOf(member: ts.Node): string {
  const docs = (member as ts.Node & { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
  return docs
    .map((doc) => (typeof doc.comment === "string" ? doc.comment : ts.getTextOfJSDocComment(doc.comment) ?? ""))
    .join("\n")
    .trim();
}

/** Numeric limits a doc comment states, as JSON Schema keywords. */
export function limitsFromDoc(doc: string): Partial<JsonSchema> {
  const limits: { minimum?: number; maximum?: number; default?: number } = {};
  const clamp = /clamped to \[(\d+),\s*(\d+)\]/i.exec(doc);
  if (clamp) {
    limits.minimum = Number(clamp[1]);
    limits.maximum = Number(clamp[2]);
  }
  const cap = /capped to (\d+)\s*ms/i.exec(doc) ?? /\(max (\d+)\b/i.exec(doc);
  if (cap) limits.maximum = Number(cap[1]);
  const fallback = /\bdefault (\d+)\s*ms/i.exec(doc);
  if (fallback) limits.default = Number(fallback[1]);
  return limits;
}

function membersSchema(members: ts.NodeArray<ts.TypeElement>, source: ts.SourceFile): ObjectSchema {
  const properties: Record<string, Json> = {};
  const required: string[] = [];
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const name = member.name.getText(source).replace(/^["']|["']$/g, "");
    const doc = docOf(member);
    const schema = typeSchema(member.type, source);
    const limits = schema.type === "number" ? limitsFromDoc(doc) : {};
    properties[name] = { ...schema, ...(doc ? { description: doc } : {}), ...limits };
    if (!member.questionToken) required.push(name);
  }
  return { type: "object", properties, required, additionalProperties: false };
}

/** Parse the interfaces `<Tool>Input` of the given declaration text. */
export function parseToolInputs(text: string, fileName = "sdk-tools.d.ts"): Partial<Record<ClaudeCodeTool, ObjectSchema>> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const wanted = new Map<string, ClaudeCodeTool>(CLAUDE_CODE_TOOLS.map((tool) => [`${tool}Input`, tool]));
  const found: Partial<Record<ClaudeCodeTool, ObjectSchema>> = {};
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const tool = wanted.get(statement.name.text);
    if (tool) found[tool] = membersSchema(statement.members, source);
  }
  return found;
}

let cached: ClaudeCodeSchemas | undefined;

/** The schemas of the installed (pinned) Claude Code; throws if a tool is missing. */
export function readClaudeCodeSchemas(packageDir = CLAUDE_CODE_PACKAGE_DIR): ClaudeCodeSchemas {
  if (cached && packageDir === CLAUDE_CODE_PACKAGE_DIR) return cached;
  const source = join(packageDir, "sdk-tools.d.ts");
  const version = (JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string }).version;
  const found = parseToolInputs(readFileSync(source, "utf8"), source);
  const missing = CLAUDE_CODE_TOOLS.filter((tool) => !found[tool]);
  if (missing.length > 0) throw new Error(`${source} (Claude Code ${version}) has no input type for ${missing.join(", ")}`);
  const schemas = { version, source, tools: found as Record<ClaudeCodeTool, ObjectSchema> };
  if (packageDir === CLAUDE_CODE_PACKAGE_DIR) cached = schemas;
  return schemas;
}

/** A numeric limit of one property, e.g. limit(s, "Monitor", "timeout_ms", "maximum"). */
export function propertyLimit(
  schemas: ClaudeCodeSchemas,
  tool: ClaudeCodeTool,
  property: string,
  keyword: "minimum" | "maximum" | "default",
): number | undefined {
  const value = schemas.tools[tool].properties?.[property]?.[keyword];
  return typeof value === "number" ? value : undefined;
}
