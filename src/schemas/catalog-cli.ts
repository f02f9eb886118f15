// Write schemas/octoperf/tools.json from the documented sources, or with
// --check fail (exit 1) when the file on disk is stale.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { CATALOG_PATH, parseCatalog, serializeCatalog } from "./catalog.js";
import { buildCatalog } from "./catalog-source.js";

export interface CatalogCliResult {
  readonly fresh: boolean;
  readonly tools: number;
}

export function runCatalogCli(options: { check: boolean; path?: string }): CatalogCliResult {
  const path = options.path ?? CATALOG_PATH;
  const before = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  const current = before === undefined ? undefined : parseCatalog(JSON.parse(before));
  const catalog = buildCatalog(current);
  const text = serializeCatalog(catalog);
  const fresh = before === text;
  if (!options.check && !fresh) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return { fresh, tools: catalog.tools.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes("--check");
  const result = runCatalogCli({ check });
  if (check && !result.fresh) {
    process.stderr.write(`${CATALOG_PATH} is stale: run npx tsx src/schemas/catalog-cli.ts\n`);
    process.exit(1);
  }
  process.stdout.write(`${result.tools} tools ${result.fresh ? "(already fresh)" : check ? "" : "written"}\n`);
}
