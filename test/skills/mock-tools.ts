// The eval mocks of the OctoPerf server, derived from the tool catalog so they
// cannot drift from it:
//   evals/mocks/octoperf/_tools.json  a saved tools/list response (name, description, inputSchema)
//   evals/mocks/octoperf/_server.md   one agent responder answering every catalog tool;
//                                     only its `tools:` frontmatter line is generated,
//                                     the body (the server it plays) is authored.
// Refresh after a catalog change:  node --import tsx test/skills/mock-tools.ts --write
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readCatalog, REPO_ROOT } from "../../src/schemas/catalog.js";
import type { Catalog, ObjectSchema } from "../../src/schemas/tool-entry.js";

export const MOCK_DIR = join(REPO_ROOT, "evals", "mocks", "octoperf");
export const TOOLS_JSON = join(MOCK_DIR, "_tools.json");
export const SERVER_MD = join(MOCK_DIR, "_server.md");

export interface ListedTool {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: ObjectSchema;
}

/** The catalog as a tools/list response, tools sorted by name. */
export function toolsListResponse(catalog: Catalog): { tools: ListedTool[] } {
  const tools = [...catalog.tools]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((tool) => ({ name: tool.name, description: tool.description, inputSchema: tool.inputSchema }));
  return { tools };
}

export function renderToolsJson(catalog: Catalog): string {
  return `${JSON.stringify(toolsListResponse(catalog), null, 2)}\n`;
}

const TOOLS_LINE = /^tools: .*$/m;

/** `_server.md` with its `tools:` line rewritten to list every catalog tool. */
export function renderServerMd(current: string, catalog: Catalog): string {
  const names = toolsListResponse(catalog).tools.map((tool) => tool.name);
  const line = `tools: [${names.join(", ")}]`;
  if (!current.startsWith("---\n") || !TOOLS_LINE.test(current)) {
    throw new Error(`${SERVER_MD} must start with frontmatter holding a "tools:" line`);
  }
  return current.replace(TOOLS_LINE, line);
}

export function writeMocks(): string[] {
  const catalog = readCatalog();
  const written: string[] = [];
  const tools = renderToolsJson(catalog);
  if (!existsSync(TOOLS_JSON) || readFileSync(TOOLS_JSON, "utf8") !== tools) {
    writeFileSync(TOOLS_JSON, tools);
    written.push(TOOLS_JSON);
  }
  const current = readFileSync(SERVER_MD, "utf8");
  const server = renderServerMd(current, catalog);
  if (server !== current) {
    writeFileSync(SERVER_MD, server);
    written.push(SERVER_MD);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes("--write")) {
  const written = writeMocks();
  console.log(written.length > 0 ? written.map((path) => `wrote ${path}`).join("\n") : "eval mocks already match the catalog");
}
